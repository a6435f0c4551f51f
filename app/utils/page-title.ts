// A page's <title>. An error page has no title of its own (its loader didn't answer): it
// is named by what went wrong ("Page not found", "Temporarily unavailable") in the reader's
// language, from the root loader, instead of the page's title or the word "undefined".
import type { MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse } from "@remix-run/react";
import type { ErrorKind } from "~/domain/error-page";
import { errorKindOf } from "./error-kind";

type Matches = Parameters<MetaFunction>[0]["matches"];

const FALLBACK = "Madoguchi";

export function titleOr(title: string | undefined, matches: Matches) {
  const failed = matches.find((match) => match.error !== undefined && match.error !== null);
  if (!failed) return [{ title: title ?? FALLBACK }];
  // A page that names its own refusal ("Inquiry not available") throws its title with it.
  const own = isRouteErrorResponse(failed.error) ? (failed.error.data as { title?: unknown } | null)?.title : undefined;
  if (typeof own === "string") return [{ title: own }];
  const root = matches.find((match) => match.id === "root")?.data as { errorTitles?: Partial<Record<ErrorKind, string>> } | undefined;
  return [{ title: root?.errorTitles?.[errorKindOf(failed.error)] ?? FALLBACK }];
}

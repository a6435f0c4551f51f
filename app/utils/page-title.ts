// A page's <title>. When its loader didn't answer (an error page, or an action that failed
// before any loader ran) the page has no title of its own: the error page's, in the reader's
// language, comes from the root loader instead of the word "undefined".
import type { MetaFunction } from "@remix-run/node";

type Matches = Parameters<MetaFunction>[0]["matches"];

export function titleOr(title: string | undefined, matches: Matches) {
  const root = matches.find((match) => match.id === "root")?.data as { errorTitle?: string } | undefined;
  return [{ title: title ?? root?.errorTitle ?? "Madoguchi" }];
}

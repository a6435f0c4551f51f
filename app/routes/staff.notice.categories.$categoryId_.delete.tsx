// Deleting a data category, after confirmation. Refused while any customer's exposure
// record lists it; groups that merely list it lose it (the page says which).
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ConfirmDeletion } from "~/components/notice-editor/confirm-deletion";
import { i18next } from "~/i18n/i18next.server";
import { deleteCategory, getCategoryUsage } from "~/models/affected-groups.server";
import { editorActor } from "~/models/editor-actor.server";
import styles from "~/styles/staff-notice.css";
import { requireStaff } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";
import { notFound } from "~/utils/http-errors.server";

export const handle = { i18n: ["common", "staff", "staff-notice", "notice"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args, "publish:notice");
  const [usage, t] = await Promise.all([getCategoryUsage(args.params.categoryId ?? ""), i18next.getFixedT(args.request, "staff-notice")]);
  if (!usage) throw notFound();
  return { usage, title: t("staff:pageTitle", { page: t("categories.deleteTitle") }) };
}

export async function action(args: ActionFunctionArgs) {
  const staff = await requireStaff(args, "publish:notice");
  const outcome = await deleteCategory(editorActor(staff, args.context.clientAddress), args.params.categoryId ?? "");
  if (outcome.status === "not-found") throw notFound();
  if (outcome.status === "deleted") throw redirect("/staff/notice/categories");
  return data({ inUse: outcome.customers }, { status: 409 });
}

export default function DeleteCategoryPage() {
  const { usage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return <ConfirmDeletion what="category" usage={usage} refusedCount={actionData?.inUse} backTo={`/staff/notice/categories/${usage.id}`} />;
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// The confirmation step before deleting a group or a category: what it is, what uses it,
// and either the button or the reason it can't be deleted.
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormMessage } from "~/components/forms";
import { EditorNav } from "./editor-nav";

export interface UsageView {
  key: string;
  nameJa: string;
  nameEn: string;
  customers: number;
  groups: Array<{ nameJa: string; nameEn: string }>;
}

export function ConfirmDeletion({
  what,
  usage,
  refusedCount,
  backTo,
}: {
  what: "group" | "category";
  usage: UsageView;
  /** Set when a deletion was just refused: how many customers' records still use it. */
  refusedCount?: number;
  backTo: string;
}) {
  const { t, i18n } = useTranslation("staff-notice");
  const ja = i18n.language === "ja";
  const name = ja ? usage.nameJa : usage.nameEn;
  const customers = refusedCount ?? usage.customers;
  return (
    <>
      <EditorNav />
      <h1>{t(`delete.${what}Title`, { name })}</h1>
      <FormMessage message={refusedCount !== undefined ? t(`delete.${what}InUse`, { customers: refusedCount.toLocaleString(i18n.language) }) : null} error />
      {customers > 0 ? (
        <>
          {refusedCount === undefined ? <p className="usage">{t(`delete.${what}InUse`, { customers: customers.toLocaleString(i18n.language) })}</p> : null}
          <p>
            <Link to={backTo}>{t("delete.back")}</Link>
          </p>
        </>
      ) : (
        <>
          <p>{t(`delete.${what}Confirm`, { name, key: usage.key })}</p>
          {usage.groups.length > 0 ? (
            <p className="usage">
              {t("delete.categoryInGroups", {
                groups: usage.groups.map((group) => (ja ? group.nameJa : group.nameEn)).join(t("listSeparator")),
              })}
            </p>
          ) : null}
          <Form method="post" className="form-actions">
            <button type="submit" className="button-danger">
              {t("delete.submit")}
            </button>
            <Link to={backTo}>{t("delete.cancel")}</Link>
          </Form>
        </>
      )}
    </>
  );
}

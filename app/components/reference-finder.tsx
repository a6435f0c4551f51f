// The box an agent on the phone types a reference into, however the customer reads it out:
// a plain GET form to the finder, which opens the record or says nothing was found.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export const TYPED_REFERENCE_MAX = 40;

/** `finds`: what the staff member may find, which the hint names. */
export function ReferenceFinder({ finds, typed = "" }: { finds: "inquiry" | "deletion" | "any"; typed?: string }) {
  const { t } = useTranslation("staff");
  return (
    <Form method="get" action="/staff/find" role="search" className="queue-filters" aria-label={t("find.title")}>
      <div>
        <label htmlFor="find-reference">{t("find.label")}</label>{" "}
        <input
          id="find-reference"
          name="reference"
          type="search"
          defaultValue={typed}
          maxLength={TYPED_REFERENCE_MAX}
          autoComplete="off"
          spellCheck={false}
          aria-describedby="find-reference-hint"
        />
        <p id="find-reference-hint" className="field-hint">
          {t(`find.hint.${finds}`)}
        </p>
      </div>
      <button type="submit">{t("find.submit")}</button>
    </Form>
  );
}

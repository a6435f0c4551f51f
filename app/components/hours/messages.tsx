// Shows the hours editor's form messages: i18n keys as app/components/forms.tsx does, and
// messages carrying dates or intervals (app/domain/hours-editor/messages.ts), formatted here
// in the reader's language.
import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { decodeMessage, type MessageValue } from "~/domain/hours-editor/messages";
import { formatLocalDateWithYear } from "~/domain/hours-editor/format-date";
import { formatInterval } from "~/utils/format";

export function useMessageText(): (text: string) => string {
  const { t, i18n } = useTranslation("staff-hours");
  const format = (value: MessageValue): string | number => {
    if (typeof value === "string" || typeof value === "number") return value;
    if ("date" in value) return formatLocalDateWithYear(value.date, i18n.language);
    return formatInterval(value.interval, t);
  };
  return (text) => {
    const { key, values = {} } = decodeMessage(text);
    return t(key, Object.fromEntries(Object.entries(values).map(([name, value]) => [name, format(value)])));
  };
}

export function MessageList({ id, messages }: { id: string; messages: string[] | undefined }) {
  const messageText = useMessageText();
  if (!messages?.length) return null;
  return (
    <ul id={id} className="field-error">
      {messages.map((message) => (
        <li key={message}>{messageText(message)}</li>
      ))}
    </ul>
  );
}

/** Like Field in app/components/forms.tsx, its messages able to carry dates and times. */
export function HoursField({
  field,
  label,
  hint,
  children,
}: {
  field: FieldMetadata<unknown>;
  label: string;
  hint?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p className="field-hint" id={`${field.id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children}
      <MessageList id={field.errorId} messages={field.errors} />
    </div>
  );
}

/** The form-level message after a refused submit: what went wrong is next to each field. */
export function FormProblems({ id, errors, invalid }: { id: string; errors: string[] | undefined; invalid: boolean }) {
  const { t } = useTranslation("staff-hours");
  const messageText = useMessageText();
  if (!invalid && !errors?.length) return null;
  return (
    <div className="form-message is-error" role="alert" id={id}>
      <p>{t("form.invalid")}</p>
      {errors?.length ? (
        <ul>
          {errors.map((error) => (
            <li key={error}>{messageText(error)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

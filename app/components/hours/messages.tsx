// Shows the hours editor's form messages: i18n keys as app/components/forms.tsx does, and
// messages carrying dates or intervals (app/domain/hours-editor/messages.ts), formatted here
// in the reader's language.
import { useTranslation } from "react-i18next";
import { Field, FieldErrors } from "~/components/forms";
import { decodeMessage, type MessageValue } from "~/domain/hours-editor/messages";
import { formatInterval, formatLocalDate } from "~/utils/format";

export function useMessageText(): (text: string) => string {
  const { t, i18n } = useTranslation("staff-hours");
  const format = (value: MessageValue): string | number => {
    if (typeof value === "string" || typeof value === "number") return value;
    if ("date" in value) return formatLocalDate(value.date, i18n.language, { withYear: true });
    return formatInterval(value.interval, t);
  };
  return (text) => {
    const { key, values = {} } = decodeMessage(text);
    return t(key, Object.fromEntries(Object.entries(values).map(([name, value]) => [name, format(value)])));
  };
}

/** Field errors that may carry dates or intervals, in the reader's language. */
export function MessageList({ id, messages }: { id: string; messages: string[] | undefined }) {
  return <FieldErrors id={id} errors={messages} formatMessage={useMessageText()} />;
}

/** The shared Field, its messages able to carry dates and times. */
export function HoursField(props: Omit<React.ComponentProps<typeof Field>, "formatMessage">) {
  return <Field {...props} formatMessage={useMessageText()} />;
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

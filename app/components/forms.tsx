// The one form pattern (Conform + Zod): a schema shared by browser and server, whose error
// messages are i18n keys, rendered here in the reader's language next to the field they
// belong to (aria-describedby), with the form-level message announced politely.
import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";

/** `formatMessage` turns a message into text; by default it is an i18n key. */
export function FieldErrors({
  id,
  errors,
  formatMessage,
}: {
  id: string;
  errors: string[] | undefined;
  formatMessage?: (message: string) => string;
}) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="field-error">
      {errors.map((error) => (
        <li key={error}>{formatMessage ? formatMessage(error) : t(error)}</li>
      ))}
    </ul>
  );
}

/** A labelled input, textarea or select with its errors; `children` is the control itself. */
export function Field({
  field,
  label,
  hint,
  formatMessage,
  children,
}: {
  field: FieldMetadata<unknown>;
  label: string;
  hint?: React.ReactNode;
  formatMessage?: (message: string) => string;
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
      <FieldErrors id={field.errorId} errors={field.errors} formatMessage={formatMessage} />
    </div>
  );
}

export function FormMessage({ message, error = false }: { message: string | null | undefined; error?: boolean }) {
  if (!message) return null;
  return (
    <p className={error ? "form-message is-error" : "form-message"} role={error ? "alert" : "status"}>
      {message}
    </p>
  );
}

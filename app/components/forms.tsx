// The one form pattern (Conform + Zod): a schema shared by browser and server, whose error
// messages are i18n keys, rendered here in the reader's language next to the field they
// belong to (aria-describedby), with the form-level message announced politely.
import type { FieldMetadata } from "@conform-to/react";
import { useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { decodeMessage } from "~/domain/form-message";

/**
 * `formatMessage` turns a message into text; by default it is an i18n key, or a key with
 * values (app/domain/form-message.ts) whose numbers are written the reader's way.
 */
export function FieldErrors({ id, errors, formatMessage }: { id: string; errors: string[] | undefined; formatMessage?: (message: string) => string }) {
  const { t, i18n } = useTranslation();
  if (!errors?.length) return null;
  const text = (error: string) => {
    const { key, values = {} } = decodeMessage(error);
    const formatted = Object.entries(values).map(([name, value]) => [name, typeof value === "number" ? value.toLocaleString(i18n.language) : value]);
    return t(key, Object.fromEntries(formatted)) as string;
  };
  return (
    <ul id={id} className="field-error">
      {errors.map((error) => (
        <li key={error}>{formatMessage ? formatMessage(error) : text(error)}</li>
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

/**
 * A submit button that can't be pressed twice: disabled while the page's submission is on its
 * way (a double tap on a phone sends one request).
 */
export function SubmitButton({ children, className }: { children: React.ReactNode; className?: string }) {
  const navigation = useNavigation();
  return (
    <button type="submit" className={className} disabled={navigation.state === "submitting"}>
      {children}
    </button>
  );
}

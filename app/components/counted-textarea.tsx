// A textarea for long free text: a live count of characters as people see them (the same
// count the server judges by, app/domain/inquiries/plain-text.ts), and never a maxLength,
// which would silently cut what is pasted. Over the limit, the count says by how much;
// the server refuses such a text with the same words and keeps it in the form. The count
// is rendered on the server too, so without JavaScript it shows what was sent.
import { getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { checkLength } from "~/domain/inquiries/plain-text";

/** How long typing must pause before a screen reader is told where the count stands. */
const ANNOUNCE_AFTER_MS = 1_000;

interface CountedTextareaProps {
  field: FieldMetadata<string | undefined>;
  max: number;
  rows: number;
  /** The id of the field's hint, read along with the count. */
  hintId?: string;
  lang?: string;
}

export function CountedTextarea(props: CountedTextareaProps) {
  // A reset form (a reply sent) remounts the field, and with it the count.
  return <Counted key={props.field.key} {...props} />;
}

function Counted({ field, max, rows, hintId, lang }: CountedTextareaProps) {
  const { t, i18n } = useTranslation("common");
  const textarea = useRef<HTMLTextAreaElement>(null);
  // What was sent back: text, or (from a form that sent the field twice) not.
  const [length, setLength] = useState(() => checkLength(typeof field.initialValue === "string" ? field.initialValue : "", max));
  // A browser may restore what was typed before (back button) without an input event.
  useEffect(() => {
    if (textarea.current) setLength(checkLength(textarea.current.value, max));
  }, [max]);

  const number = (value: number) => value.toLocaleString(i18n.language);
  const values = { length: number(length.count), max: number(max), over: number(length.over), remaining: number(max - length.count) };
  const countId = `${field.id}-count`;
  // Said once typing pauses, and only near or over the limit: never every keystroke.
  const announcement = useSettled(
    length.over > 0 ? t("textLength.overSpoken", values) : max - length.count <= max / 10 ? t("textLength.remainingSpoken", values) : "",
  );
  return (
    <>
      <textarea
        {...getTextareaProps(field, { ariaDescribedBy: [hintId, countId].filter(Boolean).join(" ") })}
        ref={textarea}
        rows={rows}
        lang={lang}
        onInput={(event) => setLength(checkLength(event.currentTarget.value, max))}
      />
      <p id={countId} className={length.over > 0 ? "text-count is-over" : "text-count"}>
        {length.over > 0 ? t("textLength.over", values) : t("textLength.count", values)}
      </p>
      <p className="visually-hidden" aria-live="polite" data-testid={`${field.name}-announcement`}>
        {announcement}
      </p>
    </>
  );
}

/** The value once it has stayed the same for a moment. */
function useSettled(value: string): string {
  const [settled, setSettled] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ANNOUNCE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return settled;
}

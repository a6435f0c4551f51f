// One text of the notice in Japanese and English, side by side, each with its own label,
// language and errors.
import { getInputProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { Field } from "~/components/forms";

export function BilingualField({
  label,
  ja,
  en,
  multiline = false,
}: {
  /** Key in "staff-notice" of the text's name; the language is added to each label. */
  label: string;
  ja: FieldMetadata<string | undefined>;
  en: FieldMetadata<string | undefined>;
  multiline?: boolean;
}) {
  const { t } = useTranslation("staff-notice");
  const name = t(label);
  return (
    <div className="bilingual">
      {(
        [
          ["ja", ja],
          ["en", en],
        ] as const
      ).map(([language, field]) => (
        <Field key={language} field={field} label={t(`field.${language}`, { name })}>
          {multiline ? (
            <textarea {...getTextareaProps(field)} lang={language} rows={8} />
          ) : (
            <input {...getInputProps(field, { type: "text" })} lang={language} />
          )}
        </Field>
      ))}
    </div>
  );
}

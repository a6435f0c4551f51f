// A revision in both languages exactly as the public page shows it: the same RevisionBody
// with the server's sanitised HTML, each language under its own headings and date format.
import { createInstance, type i18n as I18n } from "i18next";
import { useMemo } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { RevisionBody } from "~/components/revision-body";
import { i18nOptions, SUPPORTED_LANGUAGES, type Language } from "~/i18n/config";
import type { RevisionView } from "~/models/notice.server";

function InLanguage({ language, children }: { language: Language; children: React.ReactNode }) {
  // Resources are bundled, so a synchronous init is complete at once, on server and browser alike.
  const instance = useMemo<I18n>(() => {
    const created = createInstance({ ...i18nOptions, lng: language, initImmediate: false });
    void created.init();
    return created;
  }, [language]);
  return <I18nextProvider i18n={instance}>{children}</I18nextProvider>;
}

export function BilingualPreview({ heading, revisions, timeZone }: { heading: string; revisions: Record<Language, RevisionView>; timeZone: string }) {
  const { t } = useTranslation("staff-notice");
  return (
    <section aria-labelledby="notice-preview-heading" className="notice-preview">
      <h2 id="notice-preview-heading">{heading}</h2>
      <div className="bilingual">
        {SUPPORTED_LANGUAGES.map((language) => (
          <section key={language} className="preview-pane" aria-label={t(`preview.${language}`)}>
            <h3>{t(`preview.${language}`)}</h3>
            <div lang={language}>
              <InLanguage language={language}>
                <RevisionBody revision={revisions[language]} timeZone={timeZone} idPrefix={`${language}-`} />
              </InLanguage>
            </div>
          </section>
        ))}
      </div>
    </section>
  );
}

// Plain links (?lng=xx) so switching works before scripts load; the server remembers
// the choice in a cookie.
import { useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SUPPORTED_LANGUAGES } from "~/i18n/config";

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation("common");
  const location = useLocation();
  return (
    <nav aria-label={t("language.label")} className="language-switcher">
      <ul>
        {SUPPORTED_LANGUAGES.map((language) => {
          const search = new URLSearchParams(location.search);
          search.set("lng", language);
          const current = i18n.language === language;
          return (
            <li key={language}>
              <a href={`${location.pathname}?${search}`} hrefLang={language} lang={language} aria-current={current ? "true" : undefined}>
                {t(`language.${language}`)}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

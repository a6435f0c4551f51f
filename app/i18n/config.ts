// i18next settings shared by the server and the browser. The strings are bundled
// (two small languages), so no backend fetches them and the first render is complete.
import type { InitOptions } from "i18next";
import enCommon from "../../locales/en/common.json";
import enDesk from "../../locales/en/desk.json";
import enNotice from "../../locales/en/notice.json";
import jaCommon from "../../locales/ja/common.json";
import jaDesk from "../../locales/ja/desk.json";
import jaNotice from "../../locales/ja/notice.json";

export const SUPPORTED_LANGUAGES = ["ja", "en"] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "ja";

export function isLanguage(value: unknown): value is Language {
  return SUPPORTED_LANGUAGES.includes(value as Language);
}

export const resources = {
  ja: { common: jaCommon, desk: jaDesk, notice: jaNotice },
  en: { common: enCommon, desk: enDesk, notice: enNotice },
} as const;

export const i18nOptions = {
  supportedLngs: [...SUPPORTED_LANGUAGES],
  fallbackLng: DEFAULT_LANGUAGE,
  defaultNS: "common",
  ns: ["common", "desk", "notice"],
  resources,
  // React escapes what it renders; escaping twice would show &amp; to people.
  interpolation: { escapeValue: false },
} satisfies InitOptions;

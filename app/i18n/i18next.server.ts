// Detects the visitor's language: ?lng= first, then the remembered cookie, then
// Accept-Language, then Japanese.
import { createCookie } from "@remix-run/node";
import { RemixI18Next } from "remix-i18next/server";
import { DEFAULT_LANGUAGE, i18nOptions, isLanguage, SUPPORTED_LANGUAGES, type Language } from "./config";

export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: process.env.NODE_ENV === "production",
  maxAge: 60 * 60 * 24 * 365,
});

export const i18next = new RemixI18Next({
  detection: {
    supportedLanguages: [...SUPPORTED_LANGUAGES],
    fallbackLanguage: DEFAULT_LANGUAGE,
    cookie: languageCookie,
    order: ["searchParams", "cookie", "header"],
  },
  i18next: i18nOptions,
});

export async function getLanguage(request: Request): Promise<Language> {
  const detected = await i18next.getLocale(request);
  return isLanguage(detected) ? detected : DEFAULT_LANGUAGE;
}

/** The language a visitor explicitly chose with ?lng=, to be remembered in the cookie. */
export function chosenLanguage(request: Request): Language | null {
  const value = new URL(request.url).searchParams.get("lng");
  return isLanguage(value) ? value : null;
}

/** A command's language, from the terminal's locale (LC_ALL, LC_MESSAGES, LANG): ja or en. */
export function terminalLanguage(env: NodeJS.ProcessEnv = process.env): Language {
  return (env.LC_ALL || env.LC_MESSAGES || env.LANG || "").startsWith("ja") ? "ja" : "en";
}

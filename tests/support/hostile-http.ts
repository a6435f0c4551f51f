// Sending hostile bodies byte by byte (Playwright's `form` option can't repeat a name, send
// invalid UTF-8 or set a wrong type) and judging the answer: never a 5xx, never a stack
// trace, and every error message on the page a real sentence in the reader's language.
import { randomInt } from "node:crypto";
import { expect, type APIRequestContext, type APIResponse, type BrowserContext, type Page } from "@playwright/test";
import { HOSTILE_CLASSES } from "./hostile-corpus";

export type Language = "ja" | "en";
export type FormValue = string | Buffer;

/** Percent-encodes the UTF-8 bytes (lone surrogates become U+FFFD) or the raw bytes given. */
function percentEncode(value: FormValue): string {
  const bytes = typeof value === "string" ? Buffer.from(value, "utf8") : value;
  let out = "";
  for (const byte of bytes) {
    const unreserved =
      (byte >= 0x30 && byte <= 0x39) ||
      (byte >= 0x41 && byte <= 0x5a) ||
      (byte >= 0x61 && byte <= 0x7a) ||
      byte === 0x2d ||
      byte === 0x2e ||
      byte === 0x5f ||
      byte === 0x7e;
    out += unreserved ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/** An urlencoded body; a name may appear more than once, as a hostile client sends it. */
export function formBody(pairs: Array<[string, FormValue]>): Buffer {
  return Buffer.from(pairs.map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`).join("&"), "latin1");
}

let clientCounter = randomInt(0, 60_000);
/** A client address of its own for each request: public forms are rate-limited per client. */
export function freshClient(): string {
  clientCounter = (clientCounter + 1) % 65_000;
  return `10.${200 + randomInt(0, 50)}.${clientCounter >> 8}.${clientCounter & 255}`;
}

export interface Sent {
  body: Buffer | string;
  contentType?: string;
  language: Language;
  /** Extra headers (a fixture's cookies, for example). */
  headers?: Record<string, string>;
}

// A fresh connection for each request: on a loaded machine a batch can outlast the server's
// 5-second keep-alive, and a post written on the socket it is closing comes back ECONNRESET.
const FRESH_CONNECTION = { Connection: "close" };

export async function send(
  request: APIRequestContext,
  origin: string,
  path: string,
  { body, contentType = "application/x-www-form-urlencoded", language, headers = {} }: Sent,
): Promise<APIResponse> {
  return request.fetch(`${origin}${path}`, {
    method: "POST",
    data: body,
    maxRedirects: 0,
    failOnStatusCode: false,
    timeout: 20_000,
    headers: { ...FRESH_CONNECTION, Origin: origin, "Content-Type": contentType, "Accept-Language": language, "X-Forwarded-For": freshClient(), ...headers },
  });
}

export async function fetchPage(
  request: APIRequestContext,
  origin: string,
  path: string,
  language: Language,
  headers: Record<string, string> = {},
): Promise<APIResponse> {
  return request.fetch(`${origin}${path}`, {
    method: "GET",
    maxRedirects: 0,
    failOnStatusCode: false,
    timeout: 20_000,
    headers: { ...FRESH_CONNECTION, "Accept-Language": language, "X-Forwarded-For": freshClient(), ...headers },
  });
}

/** The statuses a refusal may have: a page of the form with its messages, or a friendly refusal. */
export const ACCEPTABLE_STATUSES = new Set([200, 204, 302, 303, 400, 401, 403, 404, 405, 409, 413, 415, 429]);

const STACK_TRACE = /\n\s+at [\w.<>]+ \(|node_modules\/|file:\/\/\/|PrismaClient|Invalid `prisma|TypeError|ReferenceError|SyntaxError|SQLITE_|ECONNREFUSED/;
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
// An i18n key that was never translated ("inquiries:errors.email", "errors.tooLong").
const RAW_KEY = /(^|\s)([a-z-]+:)?[a-z]+(\.[a-zA-Z-]+)+(\s|$)/;

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&amp;/g, "&");
}

/** The error messages a page shows: field errors and error banners, as text. */
export function errorMessages(html: string): string[] {
  const messages: string[] = [];
  for (const list of html.matchAll(/<ul[^>]*class="field-error"[^>]*>([\s\S]*?)<\/ul>/g)) {
    for (const item of list[1]!.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)) messages.push(decodeEntities(item[1]!.replace(/<[^>]+>/g, "")).trim());
  }
  for (const banner of html.matchAll(/<p[^>]*class="form-message is-error"[^>]*>([\s\S]*?)<\/p>/g)) {
    messages.push(decodeEntities(banner[1]!.replace(/<[^>]+>/g, "")).trim());
  }
  return messages;
}

/**
 * What is wrong with an answer, or null: a 5xx or an unexpected status, a stack trace, an
 * error message in the wrong language or an untranslated key, a page titled "undefined". A
 * refusal answered before the app is in both languages.
 */
export async function problemWith(response: APIResponse, language: Language): Promise<string | null> {
  const status = response.status();
  const text = await response.text();
  if (!ACCEPTABLE_STATUSES.has(status)) return `status ${status}: ${text.slice(0, 200)}`;
  if (STACK_TRACE.test(text)) return `a stack trace or internal error (status ${status}): ${STACK_TRACE.exec(text)![0]}`;
  // Refused before the app (app/server/request-body.ts): a short text in both languages.
  if ((response.headers()["content-type"] ?? "").startsWith("text/plain")) {
    return JAPANESE.test(text) && /[A-Za-z]{4,}/.test(text) ? null : `refusal ${status} not in both languages: ${text.slice(0, 200)}`;
  }
  if (/<title>\s*(undefined)?\s*<\/title>/.test(text)) return `a page without a title (status ${status})`;
  for (const message of errorMessages(text)) {
    if (message === "") return "an empty error message";
    if (RAW_KEY.test(` ${message} `) && !JAPANESE.test(message)) return `an untranslated message: ${message}`;
    if (language === "ja" && !JAPANESE.test(message)) return `an error message not in Japanese: ${message}`;
    // A message may quote what was typed (“ＡＢＣ 全角” can't be read as hours): the quote isn't its language.
    if (language === "en" && JAPANESE.test(message.replace(/“[^”]*”/g, ""))) return `an error message not in English: ${message}`;
  }
  return null;
}

export interface HostileForm {
  path: string;
  fields: string[];
  /** Fields kept at a fixed value (e.g. a hidden intent), so the hostile ones reach the schema. */
  fixed?: Array<[string, string]>;
}

/** Up to `size` requests at a time: fast, without swamping a busy server. */
async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<string | null>): Promise<string[]> {
  const problems: string[] = [];
  for (let start = 0; start < items.length; start += size) {
    const found = await Promise.all(items.slice(start, start + size).map(run));
    problems.push(...found.filter((problem): problem is string => problem !== null));
  }
  return problems;
}

interface Case {
  form: HostileForm;
  label: string;
  pairs: Array<[string, FormValue]>;
  language: Language;
}

let rotation = 0;
/**
 * One request per class of hostile input: every field of the form at once gets a value of
 * that class (the next one of the class each time, so the forms share out the corpus),
 * in Japanese and English alternately.
 */
export function everyFieldCases(form: HostileForm): Case[] {
  const withValue = (value: FormValue): Array<[string, FormValue]> => [
    ...(form.fixed ?? []),
    ...form.fields.map((field): [string, FormValue] => [field, value]),
  ];
  rotation++;
  return Object.entries(HOSTILE_CLASSES).map(([name, values], index): Case => {
    const value = values[rotation % values.length]!;
    const sample = typeof value === "string" ? value.slice(0, 12) : value.toString("hex");
    return { form, label: `${name} ${JSON.stringify(sample)}`, pairs: withValue(value), language: (rotation + index) % 2 === 0 ? "ja" : "en" };
  });
}

export async function runCases(request: APIRequestContext, origin: string, cases: Case[], headers: Record<string, string> = {}): Promise<string[]> {
  return inBatches(cases, 6, async ({ form, label, pairs, language }) => {
    const response = await send(request, origin, form.path, { body: formBody(pairs), language, headers });
    const problem = await problemWith(response, language);
    return problem && `${form.path} [${label}, ${language}]: ${problem}`;
  });
}

/** The payloads set window.__hostile or open a dialog if they ever run; their elements must not exist. */
export async function expectInert(page: Page, dialogs: string[]) {
  expect(await page.evaluate(() => (window as unknown as { __hostile?: number }).__hostile)).toBeUndefined();
  expect(dialogs).toEqual([]);
  await expect(page.locator("main svg[onload], main img[onerror], main [onfocus], main a[href^='javascript:']")).toHaveCount(0);
  expect(await page.evaluate(() => [...document.scripts].some((script) => script.textContent?.trim() === "window.__hostile=1"))).toBe(false);
}

/** A browser context's cookies as a header, for the request API. */
export async function cookieHeader(context: BrowserContext): Promise<Record<string, string>> {
  const cookies = await context.cookies();
  return { Cookie: cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ") };
}

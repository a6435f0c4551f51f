// Input nobody should send and everybody eventually does: markup, injection metacharacters,
// traversal, control and direction characters, odd Unicode, invalid UTF-8, huge values.
// The payloads that would run set window.__hostile, so a page can be checked for it.

/** Strings sent as form values (UTF-8, percent-encoded). */
export const HOSTILE_STRINGS = {
  script: `<script>window.__hostile=1</script>`,
  imgOnerror: `<img src=x onerror="window.__hostile=1;alert(1)">`,
  svgBreakout: `"><svg onload="window.__hostile=1">`,
  attributeBreakout: `' autofocus onfocus='window.__hostile=1`,
  javascriptUrl: `javascript:window.__hostile=1//`,
  sqlTautology: `' OR 1=1 --`,
  sqlStacked: `'); DROP TABLE "Inquiry"; --`,
  shell: "; rm -rf / && $(touch /tmp/hostile) `id` | cat /etc/passwd",
  traversal: `../../../../etc/passwd`,
  traversalEncoded: `..%2F..%2F..%2Fetc%2Fpasswd %252e%252e%252f %c0%ae%c0%ae/`,
  controls: `NUL\u0000BEL\u0007ESC\u001b[31mred\u007f`,
  headerInjection: `line\r\nSet-Cookie: hostile=1\r\n\r\n<h1>injected</h1>`,
  rightToLeft: `invoice\u202Efdp.exe`,
  emoji: `👩‍👩‍👧‍👦 🏳️‍🌈 👍🏽`,
  zalgo: `Z̸̢̛̛a̵͓͝l̶̨̛g̷̢̛o̵̧͘ ḧ̴̤́é̶̱ ç̷o̶m̷e̷s̷`,
  halfWidthKana: `ｶﾀｶﾅ ﾃｽﾄ`,
  fullWidth: `ＡＢＣ１２３　全角`,
  fullWidthEmail: `ｔｅｓｔ＠ｅｘａｍｐｌｅ．ｊｐ`,
  loneSurrogate: `\uD800 half a pair`,
  templateSyntax: "{{constructor.constructor('return 1')()}} ${7*7} %s%n%x",
  whitespaceOnly: ` \t\u3000\u00a0 `,
  empty: ``,
} as const;

export type HostileName = keyof typeof HOSTILE_STRINGS;

/** Byte sequences that are not UTF-8: overlong "/", a lone surrogate half, 0xFF, an overlong 5-byte form. */
export const INVALID_UTF8: Buffer[] = [
  Buffer.from([0xc0, 0xaf]),
  Buffer.from([0xed, 0xa0, 0x80]),
  Buffer.from([0xff]),
  Buffer.from([0xe0, 0x80, 0xaf]),
  Buffer.from([0xf8, 0x88, 0x80, 0x80, 0x80]),
];

/** Field names that a naive parser would turn into prototype writes. */
export const HOSTILE_FIELD_NAMES = ["__proto__[hostile]", "constructor[prototype][hostile]", "a[999999999]", "x.y.z[0].__proto__", "\u0000"];

/** A value of `bytes` ASCII bytes: under the form body limit, over every field's maximum. */
export function longString(bytes = 1024 * 1024): string {
  return "A".repeat(bytes);
}

/** A body well over the form body limit (4 MB). */
export const OVERSIZED_BYTES = 6 * 1024 * 1024;

/**
 * The classes of hostile input. Every field of every form gets one value of every class;
 * which one rotates from form to form (hostile-http.ts), so the whole corpus is sent without
 * sending all of it to every field. Free text that is stored gets the whole corpus in the
 * verbatim tests.
 */
export const HOSTILE_CLASSES: Record<string, Array<string | Buffer>> = {
  markup: [HOSTILE_STRINGS.script, HOSTILE_STRINGS.imgOnerror, HOSTILE_STRINGS.svgBreakout, HOSTILE_STRINGS.attributeBreakout, HOSTILE_STRINGS.javascriptUrl],
  sql: [HOSTILE_STRINGS.sqlTautology, HOSTILE_STRINGS.sqlStacked],
  shell: [HOSTILE_STRINGS.shell],
  traversal: [HOSTILE_STRINGS.traversal, HOSTILE_STRINGS.traversalEncoded],
  controls: [HOSTILE_STRINGS.controls, HOSTILE_STRINGS.headerInjection],
  direction: [HOSTILE_STRINGS.rightToLeft],
  emojiAndCombining: [HOSTILE_STRINGS.emoji, HOSTILE_STRINGS.zalgo],
  japaneseWidths: [HOSTILE_STRINGS.halfWidthKana, HOSTILE_STRINGS.fullWidth, HOSTILE_STRINGS.fullWidthEmail],
  invalidUtf8: INVALID_UTF8.map((sequence) => Buffer.concat([Buffer.from("a"), sequence, Buffer.from("@example.jp")])),
  loneSurrogate: [HOSTILE_STRINGS.loneSurrogate],
  templateSyntax: [HOSTILE_STRINGS.templateSyntax],
  blank: [HOSTILE_STRINGS.whitespaceOnly, HOSTILE_STRINGS.empty],
  wrongType: ["99999999999999999999", "-1.5e308", "true", "[object Object]", "NaN"],
  // Past every field's maximum (the notice's longest text takes 20,000), under the body limit.
  overlong: ["あ".repeat(30_000)],
};

/** The strings a page should show back unchanged (after the app's documented normalisation). */
export const STORABLE: HostileName[] = [
  "script",
  "imgOnerror",
  "svgBreakout",
  "attributeBreakout",
  "javascriptUrl",
  "sqlStacked",
  "shell",
  "traversal",
  "rightToLeft",
  "emoji",
  "zalgo",
  "halfWidthKana",
  "fullWidth",
];

/** What the server keeps of a submitted value: every NUL as "␀" (app/server/request-body.ts). */
export function asSubmitted(text: string): string {
  return text.replaceAll("\u0000", "\u2400");
}

// What customers and staff write is plain text, kept exactly as written (but for NUL, which
// the server writes as "␀" in every form: app/server/request-body.ts) and shown inert:
// React escapes markup, nothing is turned into links, and the characters that could
// disguise a message on screen are shown as visible symbols instead of acting.

/** The longest message, in characters as people see them, after line endings are unified. */
export const MESSAGE_MAX = 4000;

/** Browsers send textarea line breaks as CRLF; stored text uses LF. Outer blank space goes. */
export function normaliseMessage(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/^\s*\n/, "")
    .trimEnd();
}

/**
 * One character as people see it (an extended grapheme cluster, nearly): a CR LF; a control
 * character alone; a flag's pair of regional indicators; or a character with what attaches
 * to it: combining marks (the voicing mark of "か\u3099", the variation selector of "❤️"),
 * half-width voicing marks ("ｶﾞ"), skin tones, emoji tags, and whatever a zero-width joiner
 * joins ("👨‍👩‍👧"). Marks with nothing before them count as one. Unlike Intl.Segmenter it gives
 * the same count in every browser and on the server whatever their ICU, and takes linear
 * time: the engines' segmenters took a minute over 200,000 characters (ADR 021). Not
 * followed: Indic conjuncts and decomposed Hangul syllables count a character per letter.
 */
const CHARACTER = /\r\n|\p{Cc}|\p{RI}\p{RI}|\P{M}(?:[\p{M}\p{Emoji_Modifier}\u{E0020}-\u{E007F}\uFF9E\uFF9F]|\u200D\P{M})*|\p{M}+/gu;

/**
 * Characters as people see and count them: "あ", "😀", "👨‍👩‍👧", "🇯🇵" and "か" followed by a
 * combining "゛" are one each. The browser's counter and the server's check use this same
 * function.
 */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(CHARACTER)) count++;
  return count;
}

/**
 * A text of few characters can still be huge: one "character" may carry any number of
 * combining marks. Past this many code points per allowed character a text is refused as
 * malformed, whatever its count; no written language comes near it.
 */
export const CODE_POINTS_PER_CHARACTER_CEILING = 10;

export interface LengthCheck {
  count: number;
  max: number;
  /** How many characters must go; 0 when the text fits. */
  over: number;
  /** Within the count, but more code points than any real text of `max` characters has. */
  malformed: boolean;
}

/** A message's length as the form's counter shows it and the server judges it. */
export function checkLength(text: string, max: number): LengthCheck {
  const normalised = normaliseMessage(text);
  const count = characterCount(normalised);
  let codePoints = 0;
  for (const _ of normalised) codePoints++;
  const over = Math.max(0, count - max);
  return { count, max, over, malformed: over === 0 && codePoints > max * CODE_POINTS_PER_CHARACTER_CEILING };
}

// C0 controls but tab and line feed, DEL, and the C1 controls.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// Bidirectional overrides, embeddings, isolates and marks: they can reorder what a reader sees
// ("invoice\u202Efdp.exe" reads as "invoiceexe.pdf").
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * The text for display: control characters as their Unicode control pictures (NUL → ␀,
 * ESC → ␛) or, past the C0 range, as "⟨U+0085⟩"; direction controls as "⟨U+202E⟩".
 * Nothing else changes.
 */
export function visibleText(text: string): string {
  return text
    .replace(CONTROL, (character) => {
      const code = character.codePointAt(0)!;
      if (code < 0x20) return String.fromCodePoint(0x2400 + code);
      if (code === 0x7f) return "\u2421";
      return `⟨${codePoint(character)}⟩`;
    })
    .replace(BIDI, (character) => `⟨${codePoint(character)}⟩`);
}

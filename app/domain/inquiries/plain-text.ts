// What customers and staff write is plain text, kept exactly as written (but for NUL, which
// the server writes as "␀" in every form: app/server/request-body.ts) and shown inert:
// React escapes markup, nothing is turned into links, and the characters that could
// disguise a message on screen are shown as visible symbols instead of acting.

/** The longest message, in characters (code points) after line endings are unified. */
export const MESSAGE_MAX = 4000;

/** Browsers send textarea line breaks as CRLF; stored text uses LF. Outer blank space goes. */
export function normaliseMessage(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(/^\s*\n/, "").trimEnd();
}

export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

// C0 controls but tab and line feed, DEL, and the C1 controls.
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

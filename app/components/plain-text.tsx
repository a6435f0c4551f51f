// Text someone typed, shown exactly as typed and inert: React escapes it, line breaks
// stay, nothing becomes a link, and control or direction characters show as symbols
// (visibleText). Isolated, so right-to-left text can't reorder what surrounds it.
import { visibleText } from "~/domain/inquiries/plain-text";

export function PlainText({ text, lang }: { text: string; lang?: string }) {
  return (
    <div className="plain-text" dir="auto" lang={lang}>
      {visibleText(text)}
    </div>
  );
}

// Form errors are i18n keys (app/components/forms.tsx). Some need the values they talk
// about ("9:00–12:00 and 11:00–14:00 overlap"), which must be formatted in the reader's
// language when shown, not when the server found the problem: such a message travels as
// JSON of its key and raw values, and plain keys stay plain.
import type { LocalDate, OpenInterval } from "~/domain/business-hours";

export type MessageValue = string | number | { date: LocalDate } | { interval: OpenInterval };

export interface Message {
  key: string;
  values?: Record<string, MessageValue>;
}

export function encodeMessage(key: string, values?: Record<string, MessageValue>): string {
  return values ? JSON.stringify({ key, values }) : key;
}

export function decodeMessage(text: string): Message {
  if (!text.startsWith("{")) return { key: text };
  try {
    const parsed = JSON.parse(text) as Partial<Message>;
    if (typeof parsed.key === "string") return { key: parsed.key, values: parsed.values ?? {} };
  } catch {
    // Not one of ours: shown as it came.
  }
  return { key: text };
}

// Form errors are i18n keys (app/components/forms.tsx). Some need the values they talk
// about ("100 characters over the limit"), which must be formatted in the reader's language
// when shown, not when the server found the problem: such a message travels as JSON of its
// key and raw values, and plain keys stay plain.

export interface Message<Value = string | number> {
  key: string;
  values?: Record<string, Value>;
}

export function encodeMessage<Value = string | number>(key: string, values?: Record<string, Value>): string {
  return values ? JSON.stringify({ key, values }) : key;
}

export function decodeMessage<Value = string | number>(text: string): Message<Value> {
  if (!text.startsWith("{")) return { key: text };
  try {
    const parsed = JSON.parse(text) as Partial<Message<Value>>;
    if (typeof parsed.key === "string") return { key: parsed.key, values: parsed.values ?? {} };
  } catch {
    // Not one of ours: shown as it came.
  }
  return { key: text };
}

// The hours editor's form messages: the shared encoding (app/domain/form-message.ts) with
// values that are dates or intervals, formatted in the reader's language when shown
// ("9:00–12:00 and 11:00–14:00 overlap").
import type { LocalDate, OpenInterval } from "~/domain/business-hours";
import * as formMessage from "~/domain/form-message";

export type MessageValue = string | number | { date: LocalDate } | { interval: OpenInterval };

export type Message = formMessage.Message<MessageValue>;

export function encodeMessage(key: string, values?: Record<string, MessageValue>): string {
  return formMessage.encodeMessage(key, values);
}

export function decodeMessage(text: string): Message {
  return formMessage.decodeMessage<MessageValue>(text);
}

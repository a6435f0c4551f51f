// A phone call-back: the customer picks an hour-long window, and the form offers only
// windows inside the phone desk's hours; the server checks the chosen one again.
import { businessMinutesBetween, openSpans, type ChannelHours } from "~/domain/business-hours";

export const CALLBACK_WINDOW_MINUTES = 60;
/** The desk needs some notice: the first window starts an hour from now at the earliest. */
const LEAD_MINUTES = 60;
const OFFERED_DAYS = 7;
const MAX_WINDOWS = 60;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface CallbackWindow {
  from: Date;
  until: Date;
}

/** Hour-long windows inside the phone desk's hours over the coming week, soonest first. */
export function callbackWindows(hours: ChannelHours, now: Date): CallbackWindow[] {
  const earliest = Math.ceil((now.getTime() + LEAD_MINUTES * MINUTE) / HOUR) * HOUR;
  const windows: CallbackWindow[] = [];
  for (const span of openSpans(hours, now, new Date(now.getTime() + OFFERED_DAYS * 24 * HOUR))) {
    let from = Math.max(span.start.getTime(), earliest);
    while (from + CALLBACK_WINDOW_MINUTES * MINUTE <= span.end.getTime() && windows.length < MAX_WINDOWS) {
      windows.push({ from: new Date(from), until: new Date(from + CALLBACK_WINDOW_MINUTES * MINUTE) });
      from += CALLBACK_WINDOW_MINUTES * MINUTE;
    }
  }
  return windows;
}

/** A window starting at `from` lies wholly inside the desk's hours and hasn't begun. */
export function isBookableWindow(hours: ChannelHours, from: Date, now: Date): boolean {
  if (from.getTime() <= now.getTime()) return false;
  const until = new Date(from.getTime() + CALLBACK_WINDOW_MINUTES * MINUTE);
  return businessMinutesBetween(hours, from, until) === CALLBACK_WINDOW_MINUTES;
}

/**
 * A phone number as people type it (full-width digits, spaces, hyphens, brackets, a leading
 * +), in a form staff can dial; null when it has too few or too many digits to be one.
 */
export function normalisePhone(input: string): string | null {
  const text = input.normalize("NFKC").trim();
  if (!/^\+?[\d\s\-().]+$/.test(text)) return null;
  const digits = text.replace(/\D/g, "");
  if (digits.length < 10 || digits.length > 15) return null;
  return text.replace(/\s+/g, " ");
}

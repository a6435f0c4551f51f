// What staff type for one day's hours, read into opening intervals: "9:00-12:00, 13:00-18:00".
// A closing time earlier than the opening is the next day ("22:00-2:00" = 22:00 to 2:00 the
// next morning), as is one written "翌2:00" or past 24 ("26:00"). Full-width digits, "〜" and
// "、" are accepted, since that is what a Japanese keyboard produces.
import type { OpenInterval } from "~/domain/business-hours";

const MINUTES_PER_DAY = 1440;

export type IntervalErrorCode =
  /** Not "H:MM-H:MM". */
  | "format"
  /** Opening not within 0:00–23:59, or minutes past 59. */
  | "opening-out-of-range"
  /** Closing past 翌24:00 / 48:00, or minutes past 59. */
  | "closing-out-of-range"
  /** Opening and closing at the same time: neither nothing nor 24 hours is meant for sure. */
  | "empty"
  /** Longer than 24 hours. */
  | "too-long";

export interface IntervalError {
  code: IntervalErrorCode;
  /** The piece of input at fault, as typed (shortened), to quote back to the reader. */
  text: string;
}

export type ParsedIntervals = { ok: true; intervals: OpenInterval[] } | { ok: false; errors: IntervalError[] };

/** Words meaning "closed that day", besides leaving the field empty. */
const CLOSED_WORDS = new Set(["休業", "休み", "休", "closed"]);
const DASHES = /[〜~–—―‐‑‒−ー]/g;
const SEPARATORS = /[\s,、;/]+/;
const PIECE = /^(\d{1,2})(?::(\d{2}))?-(翌)?(\d{1,2})(?::(\d{2}))?$/;
const MAX_QUOTE = 30;

function quote(text: string): string {
  return text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE)}…` : text;
}

function parsePiece(piece: string): OpenInterval | IntervalError {
  const match = PIECE.exec(piece);
  if (!match) return { code: "format", text: piece };
  const [, openHour, openMinute = "00", nextDay, closeHour, closeMinute = "00"] = match;
  const opensAt = Number(openHour) * 60 + Number(openMinute);
  if (Number(openHour) > 23 || Number(openMinute) > 59) return { code: "opening-out-of-range", text: piece };

  const hour = Number(closeHour);
  if (Number(closeMinute) > 59 || (nextDay ? hour > 24 : hour > 48)) {
    return { code: "closing-out-of-range", text: piece };
  }
  let closesAt = hour * 60 + Number(closeMinute);
  if (nextDay) closesAt += MINUTES_PER_DAY;
  else if (closesAt < opensAt) closesAt += MINUTES_PER_DAY; // "22:00-2:00"
  if (closesAt === opensAt) return { code: "empty", text: piece };
  if (closesAt - opensAt > MINUTES_PER_DAY) return { code: "too-long", text: piece };
  return { opensAt, closesAt };
}

/** Reads one day's hours; an empty field or "休業" / "closed" means closed that day. */
export function parseIntervals(input: string): ParsedIntervals {
  const normalized = input
    .normalize("NFKC")
    .replace(DASHES, "-")
    .replace(/\s*-\s*/g, "-")
    .trim();
  if (normalized === "" || CLOSED_WORDS.has(normalized.toLowerCase())) return { ok: true, intervals: [] };

  const intervals: OpenInterval[] = [];
  const errors: IntervalError[] = [];
  const unreadable: string[] = [];
  for (const piece of normalized.split(SEPARATORS).filter(Boolean)) {
    const parsed = parsePiece(piece);
    if (!("code" in parsed)) intervals.push(parsed);
    else if (parsed.code === "format") unreadable.push(piece);
    else errors.push(parsed);
  }
  // "nine to five" is one thing the reader could not read, not three.
  if (unreadable.length > 0) errors.unshift({ code: "format", text: quote(unreadable.join(" ")) });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, intervals };
}

function clock(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;
}

/**
 * Intervals written back the way parseIntervals reads them, for an edit form and the audit log:
 * "9:00-18:00, 22:00-2:00"; "翌" only where the plain reading would differ (24 hours).
 */
export function intervalsToText(intervals: OpenInterval[]): string {
  return [...intervals]
    .sort((a, b) => a.opensAt - b.opensAt)
    .map(({ opensAt, closesAt }) => {
      if (closesAt <= MINUTES_PER_DAY) return `${clock(opensAt)}-${clock(closesAt)}`;
      const nextMorning = closesAt - MINUTES_PER_DAY;
      return nextMorning < opensAt ? `${clock(opensAt)}-${clock(nextMorning)}` : `${clock(opensAt)}-翌${clock(nextMorning)}`;
    })
    .join(", ");
}

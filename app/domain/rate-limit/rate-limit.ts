// Request limits. Each rule counts one kind of request per key (a hashed address, a hashed
// client) in a window that opens with the key's first request and lasts the rule's length; the
// counters live in the database so every app instance sees the same counts
// (app/models/rate-limit.server.ts). Windows used to be fixed to the clock (each hour from :00),
// which judged the same six checks in a minute differently depending on whether an hour began
// among them (ADR 028).

export interface RateRule {
  /** e.g. "check:address"; part of the counter's key. */
  name: string;
  limit: number;
  windowMs: number;
}

/** The key of the counter that requests of one rule and one subject add to. */
export function counterKey(rule: RateRule, subject: string): string {
  return `${rule.name}:${subject}`;
}

/** When a window opened by a request at `now` closes (and the count starts again). */
export function windowEnd(rule: RateRule, now: Date): Date {
  return new Date(now.getTime() + rule.windowMs);
}

/** Whether a count (this request included) is over the rule's limit. */
export function isOverLimit(rule: RateRule, count: number): boolean {
  return count > rule.limit;
}

/**
 * Checks of one address: enough for a person who mistypes or loses the mail, too few to
 * flood someone's mailbox. Checks from one client: room for an office behind one address.
 */
export const CHECK_RULES = {
  address: { name: "check:address", limit: 5, windowMs: 60 * 60_000 },
  client: { name: "check:client", limit: 30, windowMs: 60 * 60_000 },
} satisfies Record<string, RateRule>;

/**
 * Customer sign-ins. Per address: enough for someone who keeps mistyping, far too few for
 * guessing (NIST caps failed attempts at 100 per account; this allows 10 an hour). Per
 * client: room for an office behind one address, not for stuffing a list of credentials.
 */
export const SIGN_IN_RULES = {
  address: { name: "sign-in:address", limit: 10, windowMs: 60 * 60_000 },
  client: { name: "sign-in:client", limit: 50, windowMs: 60 * 60_000 },
} satisfies Record<string, RateRule>;

/**
 * Changes of password from a session opened with the password, which must give the current
 * one: without a limit, whoever took over such a session could guess it here at leisure.
 */
export const PASSWORD_CHANGE_RULE = { name: "password-change:customer", limit: 10, windowMs: 60 * 60_000 } satisfies RateRule;

/**
 * New inquiries. Per address: a confirmation mail at most five times an hour, so the form
 * can't be used to flood someone's mailbox. Per client and per verified customer: more
 * than a person writes, far less than a spammer would like.
 */
export const INQUIRY_RULES = {
  address: { name: "inquiry:address", limit: 5, windowMs: 60 * 60_000 },
  client: { name: "inquiry:client", limit: 20, windowMs: 60 * 60_000 },
  customer: { name: "inquiry:customer", limit: 10, windowMs: 60 * 60_000 },
} satisfies Record<string, RateRule>;

/** Customer messages in one thread. */
export const INQUIRY_REPLY_RULE = { name: "inquiry-reply:inquiry", limit: 20, windowMs: 60 * 60_000 } satisfies RateRule;

/**
 * Deletion requests of one customer (each one mails them, and so does each withdrawal): a
 * person changing their mind a few times a day, never a mailbox flood.
 */
export const DELETION_REQUEST_RULE = { name: "deletion-request:customer", limit: 5, windowMs: 24 * 60 * 60_000 } satisfies RateRule;

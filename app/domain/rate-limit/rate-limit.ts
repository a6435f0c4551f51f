// Fixed-window request limits. Each rule counts one kind of request per key (a hashed
// address, a hashed client) in windows of a fixed length; the counters live in the
// database so every app instance sees the same counts (app/models/rate-limit.server.ts).

export interface RateRule {
  /** e.g. "check:address"; part of the counter's key. */
  name: string;
  limit: number;
  windowMs: number;
}

export interface RateCounter {
  key: string;
  expiresAt: Date;
}

/** The counter a request at `now` adds to, for one rule and one subject. */
export function counterFor(rule: RateRule, subject: string, now: Date): RateCounter {
  const windowStart = Math.floor(now.getTime() / rule.windowMs) * rule.windowMs;
  return { key: `${rule.name}:${subject}:${windowStart}`, expiresAt: new Date(windowStart + rule.windowMs) };
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

// Optional check of a new password against a breach corpus, through a Pwned-Passwords-
// compatible range API (k-anonymity): only the first five hex characters of the password's
// SHA-1 leave the server. The service answers every suffix it knows under that prefix,
// padded with decoy suffixes of count 0 (so the answer's size says nothing), and the match
// is made here. A service that is down or slow never stops a password change.
import { createHash } from "node:crypto";
import { logger } from "~/utils/logger.server";

export type BreachLookup = "breached" | "not-found" | "unavailable";

const TIMEOUT_MS = 2_000;
/** A real answer is ~1,000 lines of ~40 bytes; anything far larger is not one. */
const MAX_ANSWER_BYTES = 1_000_000;

export async function lookUpBreachedPassword(baseUrl: string, password: string, timeoutMs = TIMEOUT_MS): Promise<BreachLookup> {
  const sha1 = createHash("sha1").update(password, "utf8").digest("hex").toUpperCase();
  const prefix = sha1.slice(0, 5);
  const suffix = sha1.slice(5);
  try {
    const response = await fetch(`${baseUrl}/range/${prefix}`, {
      headers: { "Add-Padding": "true" },
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "error",
    });
    if (!response.ok) throw new Error(`status ${response.status}`);
    const answer = await response.text();
    if (answer.length > MAX_ANSWER_BYTES) throw new Error("answer too large");
    for (const line of answer.split("\n")) {
      const [candidate, count] = line.trim().split(":");
      // Padding lines have a count of 0: they are decoys, not breached passwords.
      if (candidate?.toUpperCase() === suffix && Number(count) > 0) return "breached";
    }
    return "not-found";
  } catch (error) {
    logger.warn({ err: error instanceof Error ? error.message : String(error) }, "breached-password service unavailable; skipped");
    return "unavailable";
  }
}

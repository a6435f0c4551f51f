// Does /check take longer for a known address than for an unknown one? Sends the two
// kinds alternately, one at a time (so they meet the same conditions), and compares the
// response times. Each request poses as its own client (the bench server trusts one
// proxy hop) and each address is used at most `passes` times, so no rate limit is reached.
// Returns the row the report's enumeration section shows (tests/bench/report.ts).
import { createHash } from "node:crypto";
import type { EnumerationTimingRow } from "./report";

interface Sample {
  known: number[];
  unknown: number[];
}

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function variance(values: number[]): number {
  const m = mean(values);
  return values.reduce((sum, value) => sum + (value - m) ** 2, 0) / (values.length - 1);
}

/** Without the slowest and fastest tenth: a pause for garbage collection or a background job
 * lands on either kind at random and would otherwise dominate the comparison. */
function trimmed(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const cut = Math.floor(sorted.length / 10);
  return sorted.slice(cut, sorted.length - cut);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The form's headers and body, as the bench's bare floor server is also asked with them. */
export function checkRequest(base: string, email: string, client: string) {
  return {
    headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": client },
    body: new URLSearchParams({ email }).toString(),
  };
}

/** The answer with its per-response CSP nonce taken out: what tells one answer from another. */
function fingerprint(status: number, html: string): string {
  return createHash("sha256").update(`${status}\n${html.replace(/nonce="[^"]*"/g, 'nonce=""')}`).digest("hex");
}

export async function timedCheck(base: string, email: string, client: string): Promise<{ ms: number; fingerprint: string }> {
  const began = performance.now();
  const response = await fetch(`${base}/check`, { method: "POST", ...checkRequest(base, email, client) });
  const html = await response.text();
  const elapsed = performance.now() - began;
  if (response.status !== 200) throw new Error(`/check answered ${response.status}`);
  return { ms: elapsed, fingerprint: fingerprint(response.status, html) };
}

/** `knownAddresses` must be registered customers; each is used `passes` times (the per-address limit is 5 an hour). */
export async function measureCheckTiming(base: string, knownAddresses: string[], passes = 2): Promise<EnumerationTimingRow> {
  const sample: Sample = { known: [], unknown: [] };
  const answers = new Set<string>();
  // A few requests first so neither kind pays for warming up.
  for (let n = 0; n < 20; n++) await timedCheck(base, `warm-${n}@bench.example.net`, `192.0.2.${n + 1}`);
  const client = (k: number) => `10.${(k >> 16) & 255}.${(k >> 8) & 255}.${k & 255}`;
  let k = 0;
  for (let pass = 0; pass < passes; pass++) {
    for (const known of knownAddresses) {
      // Which kind goes first alternates too, so neither always follows the other.
      const order = k % 4 < 2 ? (["known", "unknown"] as const) : (["unknown", "known"] as const);
      for (const kind of order) {
        const email = kind === "known" ? known : `nobody-${k}@bench.example.net`;
        const answer = await timedCheck(base, email, client(k++));
        sample[kind].push(answer.ms);
        answers.add(answer.fingerprint);
      }
    }
  }
  const known = trimmed(sample.known);
  const unknown = trimmed(sample.unknown);
  const difference = mean(known) - mean(unknown);
  // 95 % interval of the difference of the trimmed means (Welch): what "no measurable difference" means here.
  const halfWidth = 1.96 * Math.sqrt(variance(known) / known.length + variance(unknown) / unknown.length);
  return {
    path: "/check",
    n: sample.known.length,
    knownMeanMs: mean(known),
    unknownMeanMs: mean(unknown),
    knownMedianMs: median(sample.known),
    unknownMedianMs: median(sample.unknown),
    meanDiffMs: difference,
    ci95Ms: halfWidth,
    identicalResponses: answers.size === 1,
  };
}

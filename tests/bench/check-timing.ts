// One timed POST /check, as the bench's floor (a bare server replaying the app's answer) is
// asked the same way. The known-against-unknown comparison is tests/bench/enumeration-timing.ts.
import { createHash } from "node:crypto";

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

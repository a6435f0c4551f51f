// One timed POST /check, as the bench's floor (a bare server replaying the app's answer) is
// asked the same way. The known-against-unknown comparison is tests/bench/enumeration-timing.ts.
/** The form's headers and body, as the bench's bare floor server is also asked with them. */
export function checkRequest(base: string, email: string, client: string) {
  return {
    headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": client },
    body: new URLSearchParams({ email }).toString(),
  };
}

/** Milliseconds from sending the form to the end of the answer. */
export async function timedCheck(base: string, email: string, client: string): Promise<number> {
  const began = performance.now();
  const response = await fetch(`${base}/check`, { method: "POST", ...checkRequest(base, email, client) });
  await response.arrayBuffer();
  const elapsed = performance.now() - began;
  if (response.status !== 200) throw new Error(`/check answered ${response.status}`);
  return elapsed;
}

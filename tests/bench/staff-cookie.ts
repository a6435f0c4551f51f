// A signed-in staff member for the benches' page timings: a session row written straight into
// the bench server's database, and the cookie the browser would hold for it.
import { randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import type { Db } from "~/db/client.server";
import { bearerTokenHash } from "~/utils/bearer-token.server";

export async function staffSessionCookie(db: Db, sessionSecret: string, staffId: string): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await db.staffSession.create({
    data: { idHash: bearerTokenHash(id), staffId, clientHash: "bench", expiresAt: new Date(Date.now() + 12 * 3600_000) },
  });
  const header = await createCookie("staff_session", { secrets: [sessionSecret] }).serialize(id);
  return header.slice(0, header.indexOf(";"));
}

/** What a Japanese back-office reader's browser sends with each page. */
export const pageHeaders = (cookie: string) => ({ Cookie: cookie, "Accept-Language": "ja" });

// Client addresses are personal data: the audit log and sessions keep only a keyed hash,
// enough to see that two events came from the same place, not where that was.
import { createHmac } from "node:crypto";
import { getConfig } from "~/config.server";

export function clientHash(address: string): string {
  return createHmac("sha256", `client-address:${getConfig().SESSION_SECRET}`)
    .update(address)
    .digest("base64url")
    .slice(0, 22);
}

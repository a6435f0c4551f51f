// Client addresses are personal data: the audit log and sessions keep only a keyed hash,
// enough to see that two events came from the same place, not where that was.
import { getConfig } from "~/config.server";
import { derivedDigest } from "~/domain/keys/derived-digest";
import { clientNetworkOf } from "~/domain/rate-limit/client-network";

export function clientHash(address: string): string {
  return derivedDigest(getConfig().SESSION_SECRET, "client-address", clientNetworkOf(address));
}

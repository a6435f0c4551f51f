// Who may open the development mailbox (app/routes/dev.mailbox.tsx): a portal configured for
// it (devMailboxEnabled), a request from this machine itself, addressed to this machine, that
// passed through no proxy, holding the key. A proxy on the same host that forwards to the
// portal makes requests from the loopback too, with whatever Host it likes: so neither the
// address nor the Host alone decides, and the key does what they can't.
import { devMailboxEnabled, LOOPBACK_HOSTS, type Config } from "~/config.server";
import { secretsMatch } from "~/domain/secret-compare";

/** Headers a proxy adds; a direct request from a browser on this machine has none of them. */
const PROXY_HEADERS = [
  "forwarded",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-real-ip",
  "via",
  // Tunnels and CDNs that expose a local server.
  "cf-connecting-ip",
  "true-client-ip",
  "x-client-ip",
  "x-cluster-client-ip",
];

/** 127.0.0.0/8 and ::1, as Node reports a socket's remote address (IPv4 possibly mapped). */
export function isLoopbackAddress(address: string): boolean {
  return address === "::1" || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/i.test(address);
}

/** `clientAddress`: the socket's remote address (no proxy is trusted when the mailbox is on). */
export function mayOpenDevMailbox(config: Config, request: Request, clientAddress: string): boolean {
  if (!devMailboxEnabled(config) || !isLoopbackAddress(clientAddress)) return false;
  const url = new URL(request.url);
  if (!LOOPBACK_HOSTS.has(url.hostname)) return false;
  if (PROXY_HEADERS.some((name) => request.headers.has(name))) return false;
  return secretsMatch(url.searchParams.get("key") ?? "", config.DEV_MAILBOX_KEY);
}

/** The address to open it at, for the person who started the server. */
export function devMailboxUrl(config: Config & { DEV_MAILBOX_KEY: string }): string {
  return `${config.PUBLIC_ORIGIN}/dev/mailbox?key=${encodeURIComponent(config.DEV_MAILBOX_KEY)}`;
}

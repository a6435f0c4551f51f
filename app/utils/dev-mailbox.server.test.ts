import { describe, expect, it } from "vitest";
import { parseConfig } from "~/config.server";
import { isLoopbackAddress, mayOpenDevMailbox } from "./dev-mailbox.server";

const KEY = "dEv-MaIlBoX-kEy-0123456789-abcdefghijklmnop";
const SECRETS = {
  SESSION_SECRET: "s".repeat(8) + "0123456789abcdefghijklmnopqrstuvwxyz",
  LOOKUP_HASH_KEY: "l".repeat(8) + "0123456789abcdefghijklmnopqrstuvwxyz",
  DATA_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString("base64")}`,
};
const demo = parseConfig({ ...SECRETS, DEV_MAILBOX_KEY: KEY, PORT: "3000" });
const asked = (url: string, headers: Record<string, string> = {}) => new Request(url, { headers });
const withKey = `http://localhost:3000/dev/mailbox?key=${KEY}`;

describe("who may open the development mailbox", () => {
  it("opens to a browser on this machine that holds the key", () => {
    expect(mayOpenDevMailbox(demo, asked(withKey), "127.0.0.1")).toBe(true);
    expect(mayOpenDevMailbox(demo, asked(withKey.replace("localhost", "127.0.0.1")), "::ffff:127.0.0.1")).toBe(true);
    expect(mayOpenDevMailbox(demo, asked(withKey.replace("localhost", "[::1]")), "::1")).toBe(true);
  });

  it("stays shut without the key, with a wrong one, or one of another length or alphabet", () => {
    for (const key of ["", KEY.slice(1), `${KEY.slice(0, -1)}é`, "A".repeat(43)]) {
      expect(mayOpenDevMailbox(demo, asked(`http://localhost:3000/dev/mailbox?key=${encodeURIComponent(key)}`), "127.0.0.1")).toBe(false);
    }
    expect(mayOpenDevMailbox(demo, asked("http://localhost:3000/dev/mailbox"), "127.0.0.1")).toBe(false);
  });

  it("stays shut to another machine, another Host, and anything a proxy forwarded", () => {
    expect(mayOpenDevMailbox(demo, asked(withKey), "192.0.2.7")).toBe(false);
    expect(mayOpenDevMailbox(demo, asked(withKey.replace("localhost", "evil.example")), "127.0.0.1")).toBe(false);
    for (const header of ["X-Forwarded-For", "Forwarded", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Real-IP", "Via"]) {
      expect(mayOpenDevMailbox(demo, asked(withKey, { [header]: "127.0.0.1" }), "127.0.0.1"), header).toBe(false);
    }
  });

  it("doesn't exist unless asked for, nor with a mail server, a trusted proxy, a public origin elsewhere or a server open to the network", () => {
    const shut = [
      { ...SECRETS },
      { ...SECRETS, DEV_MAILBOX_KEY: KEY, SMTP_URL: "smtp://127.0.0.1:25" },
      { ...SECRETS, DEV_MAILBOX_KEY: KEY, TRUST_PROXY_HOPS: "1" },
      { ...SECRETS, DEV_MAILBOX_KEY: KEY, PUBLIC_ORIGIN: "https://desk.example.com" },
      { ...SECRETS, DEV_MAILBOX_KEY: KEY, HOST: "0.0.0.0" },
    ];
    for (const env of shut) expect(mayOpenDevMailbox(parseConfig(env), asked(withKey), "127.0.0.1"), JSON.stringify(env)).toBe(false);
  });

  it("takes a key only as strong as the other secrets", () => {
    expect(() => parseConfig({ ...SECRETS, DEV_MAILBOX_KEY: "changeme" })).toThrow(/DEV_MAILBOX_KEY/);
  });

  it("knows the loopback addresses as Node reports them", () => {
    for (const address of ["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"]) expect(isLoopbackAddress(address)).toBe(true);
    for (const address of ["10.0.0.1", "::ffff:10.0.0.1", "1127.0.0.1", "unknown", "::2"]) expect(isLoopbackAddress(address)).toBe(false);
  });
});

import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig, secretWeakness } from "./config.server";

const strongSecret = "k7Vq2Nw9xR4tYb8Lm3Pz6Hc1Js5Df0Ga";
const secrets = {
  SESSION_SECRET: strongSecret,
  LOOKUP_HASH_KEY: "Zr8Tq1Wm4Kc7Vb2Nx5Hd9Lf3Gs6Jp0Ya",
  DATA_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString("base64")}`,
};

describe("configuration", () => {
  it("signs mail with DKIM only with a domain, a selector and a key file that holds a private key", () => {
    const dir = mkdtempSync(join(tmpdir(), "madoguchi-dkim-"));
    const keyFile = join(dir, "dkim.pem");
    writeFileSync(keyFile, generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" }));
    const dkim = { DKIM_DOMAIN: "desk.example.com", DKIM_SELECTOR: "madoguchi2026", DKIM_PRIVATE_KEY_FILE: keyFile };
    expect(parseConfig(secrets).DKIM).toBeNull();
    expect(parseConfig({ ...secrets, ...dkim }).DKIM).toMatchObject({ domainName: "desk.example.com", keySelector: "madoguchi2026" });
    expect(() => parseConfig({ ...secrets, DKIM_DOMAIN: "desk.example.com" })).toThrow(/set all three, or none/);
    expect(() => parseConfig({ ...secrets, ...dkim, DKIM_PRIVATE_KEY_FILE: join(dir, "missing.pem") })).toThrow(
      /can't read a private key from .*missing.pem \(ENOENT\)/,
    );
    writeFileSync(join(dir, "not-a-key.pem"), "-----BEGIN NOTHING-----\n");
    expect(() => parseConfig({ ...secrets, ...dkim, DKIM_PRIVATE_KEY_FILE: join(dir, "not-a-key.pem") })).toThrow(/can't read a private key/);
    expect(() => parseConfig({ ...secrets, ...dkim, DKIM_DOMAIN: "not a domain" })).toThrow(/DKIM_DOMAIN: must be a domain name/);
  });

  it("accepts a strong secret and fills safe defaults", () => {
    const config = parseConfig(secrets);
    expect(config).toMatchObject({
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: 3000,
      DATABASE_URL: "file:./data/madoguchi.db",
      DESK_TIME_ZONE: "Asia/Tokyo",
      TRUST_PROXY_HOPS: 0,
    });
  });

  it("links mail to this machine at the port it listens on unless PUBLIC_ORIGIN says otherwise", () => {
    expect(parseConfig(secrets).PUBLIC_ORIGIN).toBe("http://localhost:3000");
    expect(parseConfig({ ...secrets, PORT: "4010" }).PUBLIC_ORIGIN).toBe("http://localhost:4010");
    expect(parseConfig({ ...secrets, PORT: "4010", PUBLIC_ORIGIN: "https://desk.example.com" }).PUBLIC_ORIGIN).toBe("https://desk.example.com");
    expect(() => parseConfig({ ...secrets, PUBLIC_ORIGIN: "desk.example.com" })).toThrow(/PUBLIC_ORIGIN/);
  });

  it("refuses a missing secret and names the variable", () => {
    expect(() => parseConfig({})).toThrow(ConfigError);
    expect(() => parseConfig({})).toThrow(/SESSION_SECRET: secret is missing/);
    expect(() => parseConfig({})).toThrow(/LOOKUP_HASH_KEY: secret is missing/);
    expect(() => parseConfig({})).toThrow(/DATA_ENCRYPTION_KEYS: at least one key/);
  });

  it.each([
    ["changeme", "well-known"],
    ["short-but-random-Xy7", "too-short"],
    ["abababababababababababababababab", "low-variety"],
  ])("refuses the weak secret %s (%s)", (value, weakness) => {
    expect(secretWeakness(value)).toBe(weakness);
    expect(() => parseConfig({ ...secrets, SESSION_SECRET: value })).toThrow(`secret is ${weakness}`);
  });

  it("needs a strong webhook secret only when a deletion webhook is set", () => {
    expect(parseConfig(secrets).DELETION_WEBHOOK_URL).toBeUndefined();
    const url = "https://erp.example.com/hooks/deletions";
    expect(() => parseConfig({ ...secrets, DELETION_WEBHOOK_URL: url })).toThrow(/DELETION_WEBHOOK_SECRET: secret is missing/);
    expect(() => parseConfig({ ...secrets, DELETION_WEBHOOK_URL: url, DELETION_WEBHOOK_SECRET: "changeme" })).toThrow(
      /DELETION_WEBHOOK_SECRET: secret is well-known/,
    );
    expect(() => parseConfig({ ...secrets, DELETION_WEBHOOK_URL: "ftp://erp", DELETION_WEBHOOK_SECRET: strongSecret })).toThrow(/DELETION_WEBHOOK_URL/);
    expect(parseConfig({ ...secrets, DELETION_WEBHOOK_URL: url, DELETION_WEBHOOK_SECRET: strongSecret }).DELETION_WEBHOOK_URL).toBe(url);
  });

  it("turns /metrics on only with a strong token", () => {
    expect(parseConfig(secrets).METRICS_TOKEN).toBeUndefined();
    expect(parseConfig({ ...secrets, METRICS_TOKEN: "" }).METRICS_TOKEN).toBeUndefined();
    expect(() => parseConfig({ ...secrets, METRICS_TOKEN: "changeme" })).toThrow(/METRICS_TOKEN: secret is well-known/);
    expect(() => parseConfig({ ...secrets, METRICS_TOKEN: "prometheus-token" })).toThrow(/METRICS_TOKEN: secret is too-short/);
    expect(() => parseConfig({ ...secrets, METRICS_TOKEN: "a".repeat(40) })).toThrow(/METRICS_TOKEN: secret is low-variety/);
    expect(parseConfig({ ...secrets, METRICS_TOKEN: strongSecret }).METRICS_TOKEN).toBe(strongSecret);
  });

  it("claims a mail being sent for 5 minutes unless told otherwise, never for less than 5 seconds", () => {
    expect(parseConfig(secrets).OUTBOX_CLAIM_SECONDS).toBe(300);
    expect(parseConfig({ ...secrets, OUTBOX_CLAIM_SECONDS: "8" }).OUTBOX_CLAIM_SECONDS).toBe(8);
    expect(() => parseConfig({ ...secrets, OUTBOX_CLAIM_SECONDS: "1" })).toThrow(/OUTBOX_CLAIM_SECONDS:/);
    expect(() => parseConfig({ ...secrets, OUTBOX_CLAIM_SECONDS: "ten" })).toThrow(/OUTBOX_CLAIM_SECONDS:/);
  });

  it("names every bad variable at once", () => {
    const attempt = () => parseConfig({ ...secrets, DESK_TIME_ZONE: "Mars/Olympus", PORT: "99999", DATABASE_URL: "mysql://x" });
    expect(attempt).toThrow(/DESK_TIME_ZONE: not an IANA time zone/);
    expect(attempt).toThrow(/PORT:/);
    expect(attempt).toThrow(/DATABASE_URL: must start with file:/);
  });

  it("accepts a PostgreSQL url and another time zone", () => {
    const config = parseConfig({
      ...secrets,
      DATABASE_URL: "postgresql://app@db.internal:5432/madoguchi",
      DESK_TIME_ZONE: "Europe/London",
    });
    expect(config.DATABASE_URL).toMatch(/^postgresql:/);
    expect(config.DESK_TIME_ZONE).toBe("Europe/London");
  });
});

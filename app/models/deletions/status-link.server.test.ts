import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { deletionStatusUrl, isStatusKey } from "./status-link.server";

const SESSION_SECRET = "status-link-test-secret-0123456789abcdefghij";
Object.assign(process.env, {
  SESSION_SECRET,
  LOOKUP_HASH_KEY: randomBytes(32).toString("base64url"),
  DATA_ENCRYPTION_KEYS: `t:${randomBytes(32).toString("base64")}`,
  PUBLIC_ORIGIN: "https://desk.example.jp",
});

const keyIn = (url: string) => new URL(url).searchParams.get("key");

describe("deletion status links", () => {
  it("open the request they were made for, and no other", () => {
    const key = keyIn(deletionStatusUrl({ id: "req_1", reference: "D-0001" }, "ja"));
    expect(isStatusKey("req_1", key)).toBe(true);
    expect(isStatusKey("req_2", key)).toBe(false);
    expect(isStatusKey("req_1", "")).toBe(false);
    expect(isStatusKey("req_1", ["x"])).toBe(false);
  });

  it("still open with the key mails carried before the derivations were made one", () => {
    // HMAC-SHA256 of "deletion-status:req_123" under the secret, as those mails were written.
    const mailedBefore = "PzhYbyFpnd4yOqeKe4J8UvIr_OnrAxQ0xD2Y2rvUgH8";
    expect(isStatusKey("req_123", mailedBefore)).toBe(true);
    expect(isStatusKey("req_124", mailedBefore)).toBe(false);
  });
});

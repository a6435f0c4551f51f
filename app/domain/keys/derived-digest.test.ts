import { describe, expect, it } from "vitest";
import { derivedDigest } from "./derived-digest";

const SECRET = "test-session-secret-0123456789abcdefghijklmnop";

describe("derivedDigest", () => {
  // Known answers written down when the derivations were made one: the values stored (recovery
  // code hashes, throttle keys, client hashes) must not change under them.
  it("derives exactly the values already stored", () => {
    expect(derivedDigest(SECRET, "recovery-code", "abcd-efgh-ijkl")).toBe("d10088295bdd02f1867964c6f986a1a5f3e8566e97f140d483c35d47bd84fae8");
    expect(derivedDigest(SECRET, "sign-in", "hanako@example.com")).toBe("3BIOxZ83xjZrEw73TKZ_UOMY9Q9lL6PVThRPkV62gic");
    expect(derivedDigest(SECRET, "client-address", "203.0.113.0/24")).toBe("7iiV56xRpOuAKnSGup83l6");
    expect(derivedDigest(SECRET, "deletion-status", "req_123")).toBe("vn2Esw62kICJu7QgFTHrFmHSnaT-InzWCJ1Upcuai9A");
  });

  it("gives each purpose its own value for the same message and secret", () => {
    const purposes = ["recovery-code", "sign-in", "client-address", "deletion-status"] as const;
    const values = purposes.map((purpose) => derivedDigest(SECRET, purpose, "same message"));
    expect(new Set(values.map((value) => value.slice(0, 22))).size).toBe(purposes.length);
  });

  it("depends on the secret", () => {
    expect(derivedDigest(SECRET, "sign-in", "hanako@example.com")).not.toBe(derivedDigest(`${SECRET}x`, "sign-in", "hanako@example.com"));
  });
});

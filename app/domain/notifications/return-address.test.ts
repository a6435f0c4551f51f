import { describe, expect, it } from "vitest";
import { derivedDigest } from "~/domain/keys/derived-digest";
import { mailIdOf, returnAddress } from "./return-address";

const sign = (id: string) => derivedDigest("a-session-secret-of-thirty-two-chars", "bounce-address", id);

describe("the return address of a notification", () => {
  it("names the mail, and gives it back from what a bounce is addressed to", () => {
    const address = returnAddress("bounces@desk.example.com", "cm4abc123xyz", sign);
    expect(address).toMatch(/^bounces\+cm4abc123xyz-[0-9a-f]{16}@desk\.example\.com$/);
    expect(mailIdOf(address, "bounces@desk.example.com", sign)).toBe("cm4abc123xyz");
    // As a mail server may write it back: in brackets, upper-cased.
    expect(mailIdOf(`<${address.toUpperCase()}>`, "bounces@desk.example.com", sign)).toBe("cm4abc123xyz");
  });

  it("refuses an address with a signature that isn't the mail's, or of another mailbox", () => {
    const address = returnAddress("bounces@desk.example.com", "cm4abc123xyz", sign);
    expect(mailIdOf(address.replace("cm4abc123xyz", "cm4abc123xyy"), "bounces@desk.example.com", sign)).toBeNull();
    expect(mailIdOf(address, "other@desk.example.com", sign)).toBeNull();
    expect(mailIdOf("bounces@desk.example.com", "bounces@desk.example.com", sign)).toBeNull();
    expect(mailIdOf("someone@example.org", "bounces@desk.example.com", sign)).toBeNull();
  });
});

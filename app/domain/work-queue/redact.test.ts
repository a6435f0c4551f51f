import { describe, expect, it } from "vitest";
import { describeFailure, MAX_ERROR_LENGTH, redactError } from "./redact";

describe("error redaction", () => {
  it("replaces every address, bracketed or bare", () => {
    expect(redactError("550 5.1.1 <customer042@example.com>: Recipient address rejected")).toBe("550 5.1.1 <[redacted]>: Recipient address rejected");
    expect(redactError("to a.b+c@mail.example.co.jp and 田中@例え.jp failed")).toBe("to [redacted] and [redacted] failed");
  });

  it("replaces credentials in a URL", () => {
    expect(redactError("connect ECONNREFUSED smtp://user:hunter2@mail.example.com:587")).toBe("connect ECONNREFUSED [redacted]");
  });

  it("keeps a message without addresses, on one line", () => {
    expect(redactError("ETIMEDOUT\n    at Socket.<anonymous>  (net.js:1)")).toBe("ETIMEDOUT at Socket.<anonymous> (net.js:1)");
  });

  it("cuts long messages, and never leaves half an address behind", () => {
    const long = `${"x".repeat(MAX_ERROR_LENGTH - 10)} someone@example.com ${"y".repeat(2000)}`;
    const redacted = redactError(long);
    expect(redacted.length).toBe(MAX_ERROR_LENGTH);
    expect(redacted).not.toContain("@");
    expect(redacted.endsWith("…")).toBe(true);
  });

  it("describes what was thrown by its message, not its stack", () => {
    expect(describeFailure(new Error("database is locked"))).toBe("database is locked");
    expect(describeFailure(new TypeError("x is not a function"))).toBe("TypeError: x is not a function");
    expect(describeFailure("plain string about a@b.example")).toBe("plain string about [redacted]");
    expect(describeFailure(new Error(""))).toBe("unknown error");
  });

  it("leads with a mail error's codes, once each", () => {
    const refused = Object.assign(new Error("Can't send mail - all recipients were rejected: 550 <a@b.example> unknown"), {
      code: "EENVELOPE",
      responseCode: 550,
    });
    expect(describeFailure(refused)).toBe("EENVELOPE Can't send mail - all recipients were rejected: 550 <[redacted]> unknown");
    const down = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:2525"), { code: "ECONNREFUSED" });
    expect(describeFailure(down)).toBe("connect ECONNREFUSED 127.0.0.1:2525");
  });

  it("says why fetch failed, from its cause, redacted like the rest", () => {
    const cause = Object.assign(new Error("getaddrinfo ENOTFOUND hooks.example.com"), { code: "ENOTFOUND" });
    expect(describeFailure(new TypeError("fetch failed", { cause }))).toBe("TypeError: fetch failed (getaddrinfo ENOTFOUND hooks.example.com)");
    const withCredentials = new TypeError("fetch failed", { cause: new Error("connect to https://hook:s3cret@hooks.example.com refused") });
    expect(describeFailure(withCredentials)).toBe("TypeError: fetch failed (connect to [redacted] refused)");
  });
});

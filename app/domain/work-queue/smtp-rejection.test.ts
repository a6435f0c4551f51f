import { describe, expect, it } from "vitest";
import { recipientRejection } from "./smtp-rejection";

const smtpError = (fields: Record<string, unknown>) => Object.assign(new Error("Can't send mail - all recipients were rejected"), fields);

describe("a recipient refused by the SMTP server", () => {
  it("is refused for good on a 5xx reply to RCPT TO, and for now on a 4xx one", () => {
    expect(recipientRejection(smtpError({ code: "EENVELOPE", command: "RCPT TO", responseCode: 550 }))).toBe("permanent");
    expect(recipientRejection(smtpError({ code: "EENVELOPE", command: "RCPT TO", responseCode: 452 }))).toBe("temporary");
  });

  it("is not what a failure of the connection, of DATA or of anything thrown is", () => {
    expect(recipientRejection(smtpError({ code: "ECONNREFUSED" }))).toBeNull();
    expect(recipientRejection(smtpError({ code: "EMESSAGE", command: "DATA", responseCode: 554 }))).toBeNull();
    expect(recipientRejection(smtpError({ code: "EENVELOPE", command: "MAIL FROM", responseCode: 550 }))).toBeNull();
    expect(recipientRejection(smtpError({ code: "EENVELOPE", command: "RCPT TO", responseCode: "550" }))).toBeNull();
    expect(recipientRejection("550 no such user")).toBeNull();
  });
});

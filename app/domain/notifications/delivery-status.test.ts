import { describe, expect, it } from "vitest";
import { deliveryFailure } from "./delivery-status";

const report = (recipient: string) => `Reporting-MTA: dns; mx.example.org
Arrival-Date: Mon, 7 Dec 2026 23:50:00 +0900

${recipient}`;

describe("a delivery status notification", () => {
  it("reads a failure for good, with its status and the server's words", () => {
    const failure = deliveryFailure(
      report(`Final-Recipient: rfc822; gone@example.org
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 <gone@example.org>: Recipient address
 rejected: User unknown in virtual mailbox table`),
    );
    expect(failure).toEqual({
      kind: "permanent",
      reason: "5.1.1 550 5.1.1 <gone@example.org>: Recipient address rejected: User unknown in virtual mailbox table",
    });
  });

  it("reads a delay or a 4.x.x status as for now", () => {
    expect(deliveryFailure(report("Final-Recipient: rfc822; full@example.org\nAction: delayed\nStatus: 4.2.2\n"))?.kind).toBe("temporary");
    expect(deliveryFailure(report("Final-Recipient: rfc822; x@example.org\r\nAction: failed\r\nStatus: 4.4.7\r\n"))?.kind).toBe("temporary");
  });

  it("finds no failure in a report of delivery, or in no report at all", () => {
    expect(deliveryFailure(report("Final-Recipient: rfc822; ok@example.org\nAction: delivered\nStatus: 2.0.0\n"))).toBeNull();
    expect(deliveryFailure("")).toBeNull();
  });
});

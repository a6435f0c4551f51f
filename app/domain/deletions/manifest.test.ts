import { describe, expect, it } from "vitest";
import { parseErasedCounts } from "./categories";
import { isValidWebhookSignature, manifestBody, manifestCsvHeader, manifestCsvLine, webhookSignature } from "./manifest";

const entry = {
  requestId: "clrequest0000000000000000",
  reference: "DR-7K3Q-2F9P",
  externalId: '=HYPERLINK("x")',
  receivedAt: "2026-12-01T03:00:00.000Z",
  decidedAt: "2026-12-02T03:00:00.000Z",
  completedAt: "2026-12-03T03:00:00.000Z",
  erased: { "email-address": 1, "exposure-records": 2, "inquiry-messages": 3 },
};

describe("the deletion manifest", () => {
  it("is one JSON object per entry with its sequence", () => {
    const body = manifestBody(7, entry);
    expect(JSON.parse(body)).toEqual({ version: 1, sequence: 7, ...entry });
    expect(body).not.toContain("\n");
  });

  it("spreads the counts into a CSV column per kind, with formulas made text", () => {
    const header = manifestCsvHeader();
    expect(header.startsWith("sequence,requestId,reference,externalId")).toBe(true);
    expect(header.endsWith("\r\n")).toBe(true);
    const line = manifestCsvLine(manifestBody(7, entry));
    expect(line).toBe(
      '7,clrequest0000000000000000,DR-7K3Q-2F9P,"\'=HYPERLINK(""x"")",2026-12-01T03:00:00.000Z,2026-12-02T03:00:00.000Z,2026-12-03T03:00:00.000Z,1,0,2,0,0,3,0,0,0\r\n',
    );
  });

  it("is signed so a receiver can check it, and any change breaks the signature", () => {
    const secret = "k".repeat(16) + "0123456789abcdefghij";
    const body = manifestBody(1, entry);
    const signature = webhookSignature(secret, "1795000000", body);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(isValidWebhookSignature(secret, "1795000000", body, signature)).toBe(true);
    expect(isValidWebhookSignature(secret, "1795000001", body, signature)).toBe(false);
    expect(isValidWebhookSignature(secret, "1795000000", body.replace("DR-", "DX-"), signature)).toBe(false);
    expect(isValidWebhookSignature(secret, "1795000000", body, "sha256=00")).toBe(false);
  });

  it("reads stored counts strictly", () => {
    expect(parseErasedCounts('{"email-address":1,"made-up":4,"name":0,"sessions":2.5}')).toEqual({ "email-address": 1 });
    expect(parseErasedCounts(null)).toEqual({});
  });
});

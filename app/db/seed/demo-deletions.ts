// Demonstration deletion requests, so the privacy officer's queue shows its deadlines: one
// received yesterday, one whose review has run past the 30 days. (Decisions need a member
// of staff, and the demo has none: the reviewer makes them.)
import { randomBytes } from "node:crypto";
import type { Db } from "~/db/client.server";
import { DEFAULT_DEADLINE_DAYS, deletionDueAt } from "~/domain/deletions/deadline";
import { referenceFromBytes } from "~/domain/inquiries/reference";
import { emailLookupHash } from "~/utils/personal-data.server";

const DAY = 24 * 60 * 60_000;

const REQUESTS = [
  { customer: 32, language: "ja", status: "received", daysAgo: 1 },
  { customer: 36, language: "en", status: "reviewing", daysAgo: 33 },
] as const;

export async function createDemoDeletions(db: Db, lookupKey: string, timeZone: string, now: Date): Promise<void> {
  for (const request of REQUESTS) {
    const emailHash = emailLookupHash(`customer${String(request.customer).padStart(3, "0")}@example.com`, lookupKey);
    const customer = await db.customer.findUniqueOrThrow({ where: { emailHash }, select: { id: true, externalId: true } });
    const receivedAt = new Date(now.getTime() - request.daysAgo * DAY);
    await db.deletionRequest.create({
      data: {
        reference: referenceFromBytes(randomBytes(5), "DR"),
        customerId: customer.id,
        openKey: customer.id,
        emailHash,
        externalId: customer.externalId,
        language: request.language,
        status: request.status,
        receivedAt,
        dueAt: deletionDueAt(receivedAt, DEFAULT_DEADLINE_DAYS, timeZone),
        reviewStartedAt: request.status === "reviewing" ? new Date(receivedAt.getTime() + DAY) : null,
      },
      select: { id: true },
    });
  }
}

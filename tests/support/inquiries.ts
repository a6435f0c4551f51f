// Inquiries written straight into the test server's database (sealed with its keys, as
// the app would), for queue tests that need many of a known shape, and the channel hours
// the app computes due times with.
import { randomBytes } from "node:crypto";
import type { ChannelHours } from "../../app/domain/business-hours";
import { toChannelHours } from "../../app/domain/desk/desk-view";
import { referenceFromBytes } from "../../app/domain/inquiries/reference";
import { SCHEDULES_SELECT } from "../../app/models/inquiries/channel-hours.server";
import { emailLookupHash, encryptField, parseKeyRing } from "../../app/utils/personal-data.server";
import { testDb, testServerSecrets } from "./staff";

export interface SeededInquiry {
  category?: string;
  language?: string;
  status?: string;
  dueAt?: Date | null;
  lastActivityAt?: Date;
  assigneeId?: string | null;
  customerId?: string;
  message?: string;
}

export async function seedInquiries(email: string, inquiries: SeededInquiry[]): Promise<string[]> {
  const secrets = testServerSecrets();
  const ring = parseKeyRing(secrets.DATA_ENCRYPTION_KEYS);
  const references: string[] = [];
  for (const inquiry of inquiries) {
    const reference = referenceFromBytes(randomBytes(5));
    const status = inquiry.status ?? "new";
    await testDb().inquiry.create({
      data: {
        reference,
        category: inquiry.category ?? "other",
        language: inquiry.language ?? "ja",
        status,
        dueAt: inquiry.dueAt === undefined ? (status === "new" || status === "open" ? new Date(Date.now() + 3600_000) : null) : inquiry.dueAt,
        dueKind: status === "new" || status === "open" ? "first" : null,
        emailHash: emailLookupHash(email, secrets.LOOKUP_HASH_KEY),
        emailCiphertext: encryptField(email, ring),
        contactBy: "email",
        assigneeId: inquiry.assigneeId ?? null,
        customerId: inquiry.customerId ?? null,
        lastActivityAt: inquiry.lastActivityAt ?? new Date(),
        messages: { create: { kind: "customer", bodyCiphertext: encryptField(inquiry.message ?? `seeded ${reference}`, ring) } },
      },
      select: { id: true },
    });
    references.push(reference);
  }
  return references;
}

/** The hours of the test server's channel of `kind`, as the app reads them. */
export async function channelHours(kind: "email" | "phone"): Promise<ChannelHours> {
  const db = testDb();
  const channel = await db.channel.findFirstOrThrow({
    where: { kind },
    orderBy: { position: "asc" },
    select: { schedules: SCHEDULES_SELECT, closures: { select: { startsOn: true, endsOn: true } } },
  });
  const shared = await db.closure.findMany({ where: { channelId: null }, select: { startsOn: true, endsOn: true } });
  return toChannelHours({ schedules: channel.schedules, closures: [...channel.closures, ...shared] }, "Asia/Tokyo");
}

// Setup works out the first response time of inquiries answered before it was kept, once,
// in business minutes of the written channel, against a real SQLite file.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb, type Db } from "~/db/client.server";
import { fillFirstResponseMinutes } from "~/models/dashboard/backfill.server";
import { scratchSqliteDatabase } from "../support/scratch-sqlite";

const { url } = scratchSqliteDatabase("backfill");
let db: Db;

beforeAll(async () => {
  db = createDb(url);
  // Open 9:00–17:00 in Tokyo every day.
  await db.channel.create({
    data: {
      key: "mail",
      kind: "email",
      nameJa: "メール",
      nameEn: "Mail",
      contact: "desk@example.com",
      schedules: {
        create: {
          effectiveFrom: "2026-01-01",
          holidayRule: "as-weekday",
          intervals: { create: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, opensAt: 540, closesAt: 1020 })) },
        },
      },
    },
  });
});

afterAll(async () => {
  await db.$disconnect();
});

it("counts only open hours, fills each answered inquiry once and leaves unanswered ones alone", async () => {
  const inquiry = (reference: string, createdAt: string, firstAnsweredAt: string | null, firstResponseMinutes: number | null = null) =>
    db.inquiry.create({
      data: {
        reference,
        category: "other",
        language: "ja",
        emailHash: reference,
        contactBy: "email",
        createdAt: new Date(createdAt),
        firstAnsweredAt: firstAnsweredAt ? new Date(firstAnsweredAt) : null,
        firstResponseMinutes,
      },
    });
  // 16:30 on the 10th to 09:45 on the 11th, Tokyo time: 30 + 45 open minutes.
  await inquiry("MD-OVERNIGHT", "2026-11-10T07:30:00Z", "2026-11-11T00:45:00Z");
  await inquiry("MD-UNANSWERED", "2026-11-10T01:00:00Z", null);
  await inquiry("MD-KNOWN", "2026-11-10T01:00:00Z", "2026-11-10T02:00:00Z", 7);

  expect(await fillFirstResponseMinutes("Asia/Tokyo", db)).toBe(1);
  const rows = await db.inquiry.findMany({ orderBy: { reference: "asc" }, select: { reference: true, firstResponseMinutes: true } });
  expect(rows).toEqual([
    { reference: "MD-KNOWN", firstResponseMinutes: 7 },
    { reference: "MD-OVERNIGHT", firstResponseMinutes: 75 },
    { reference: "MD-UNANSWERED", firstResponseMinutes: null },
  ]);
  expect(await fillFirstResponseMinutes("Asia/Tokyo", db)).toBe(0);
});

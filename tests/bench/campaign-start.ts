// Starting a notification campaign for everyone in a seeded database (issue 21: "queued in
// under 60 s" for a million people), run by the dashboard bench in a process of its own on each
// database it seeds (the app's configuration, read once per process, names the database).
// Prints JSON: the seconds startCampaign took (the list written, one row per person, in one
// transaction with its audit entry), and its floor, the same rows written by a bare
// INSERT … SELECT on the driver for a second campaign.
// Usage: tsx tests/bench/campaign-start.ts (DATABASE_URL and the secrets in the environment).
import { createDb } from "~/db/client.server";
import { clientHash } from "~/utils/client-address.server";
import { startCampaign } from "~/models/notifications/campaigns.server";

const db = createDb(process.env.DATABASE_URL!);
try {
  const officer = await db.staffMember.create({
    data: { email: `bench-${Date.now()}@staff.example.com`, displayName: "Bench", role: "privacy-officer", status: "active" },
    select: { id: true, email: true },
  });
  const campaign = () =>
    db.notificationCampaign.create({
      data: { status: "approved", subjectJa: "件名", subjectEn: "Subject", createdById: officer.id, editedById: officer.id },
      select: { id: true, version: true },
    });
  const measured = await campaign();
  const began = performance.now();
  const outcome = await startCampaign(measured.id, measured.version, { ...officer, clientHash: clientHash("127.0.0.1") }, new Date(), db);
  const seconds = (performance.now() - began) / 1000;
  if (outcome !== "done") throw new Error(`startCampaign: ${outcome}`);
  const listed = await db.notificationRecipient.count({ where: { campaignId: measured.id } });

  const bare = await campaign();
  const floorBegan = performance.now();
  await db.$executeRaw`INSERT INTO "NotificationRecipient" ("campaignId", "customerId", "status") SELECT ${bare.id}, c."id", 'waiting' FROM "Customer" c`;
  const floorSeconds = (performance.now() - floorBegan) / 1000;
  console.log(JSON.stringify({ seconds, floorSeconds, listed }));
} finally {
  await db.$disconnect();
}

// `npm run setup` (run by `npm start`): secrets for a first demo run, database
// migrations, and demonstration data when the database is empty.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { loadConfigOrExit } from "~/config.server";
import { createDb } from "~/db/client.server";
import { providerOf } from "~/db/provider";
import { seedDemo } from "~/db/seed/demo";
import { fillFirstResponseMinutes } from "~/models/dashboard/backfill.server";
import { ensureDeletionDefaults } from "~/models/deletions/settings.server";
import { readCommandLine } from "./command-line";
import { ensureLocalSecrets } from "./local-secrets";
import { prisma } from "./prisma-cli";

readCommandLine(
  "Usage: npm run setup\nWrites a demo's secrets into .env when none are set, applies the database migrations, and loads the demonstration data into an empty database (DEMO_DATA=false: none).",
  {},
  0,
);
const generated = ensureLocalSecrets(".env");
if (generated.length > 0) {
  console.log(`Generated demo secrets into .env (git-ignored): ${generated.join(", ")}.`);
  console.log("Keep that file private. A real deployment sets its own secrets in its environment.");
}
// Secrets may all come from the environment, in which case there is no .env at all.
const config = loadConfigOrExit(1);

const provider = providerOf(config.DATABASE_URL);
if (provider === "sqlite") {
  mkdirSync(path.dirname(config.DATABASE_URL.slice("file:".length)), { recursive: true });
}
await prisma(["migrate", "deploy"], config.DATABASE_URL);
console.log(`Database migrated (${provider}).`);

const db = createDb(config.DATABASE_URL);
try {
  // Readers don't block the writer and vice versa; the setting is kept in the file.
  if (provider === "sqlite") await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  // Every desk starts with the deletion deadline, grace period and refusal grounds set.
  await ensureDeletionDefaults(db);
  if (!config.DEMO_DATA) {
    console.log("DEMO_DATA=false: no demonstration data loaded.");
  } else if ((await db.organization.count()) === 0) {
    const counts = await seedDemo(db, new Date(), config);
    console.log(`Loaded demonstration data: ${counts.revisions} notice revisions, ${counts.customers} affected customers.`);
  }
  // Answers given before their response time was kept (an upgrade): worked out once.
  const filled = await fillFirstResponseMinutes(config.DESK_TIME_ZONE, db);
  if (filled > 0) console.log(`Worked out the first response time of ${filled} answered inquiries.`);
} finally {
  await db.$disconnect();
}

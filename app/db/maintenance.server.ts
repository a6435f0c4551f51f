// Keeping the query planner informed. SQLite gathers no statistics by itself; its
// documentation advises running PRAGMA optimize now and then, which analyzes only the
// tables whose statistics are missing or stale. PostgreSQL's autovacuum does this itself.
import { getConfig } from "~/config.server";
import { providerOf } from "./provider";
import { getDb } from "./client.server";

export async function refreshPlannerStatistics(): Promise<void> {
  if (providerOf(getConfig().DATABASE_URL) !== "sqlite") return;
  await getDb().$executeRawUnsafe("PRAGMA optimize");
}

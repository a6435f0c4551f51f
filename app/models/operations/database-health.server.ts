import { getDb } from "~/db/client.server";

/** Resolves when the database answers a trivial query within the time given; rejects otherwise. */
export async function checkDatabaseAnswers(timeoutMs: number): Promise<void> {
  await Promise.race([getDb().$queryRaw`SELECT 1`, new Promise((_, reject) => setTimeout(() => reject(new Error("timed out")), timeoutMs).unref())]);
}

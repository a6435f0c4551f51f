// Liveness and readiness for a load balancer: 200 when the database answers, 503 when not.
import { getDb } from "~/db/client.server";
import { logger } from "~/utils/logger.server";

const DATABASE_TIMEOUT_MS = 2_000;

export async function loader() {
  const headers = { "Cache-Control": "no-store" };
  try {
    await Promise.race([
      getDb().$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("timed out")), DATABASE_TIMEOUT_MS).unref()),
    ]);
    return Response.json({ status: "ok", database: "ok" }, { headers });
  } catch (error) {
    logger.warn({ err: error }, "health check: database unreachable");
    return Response.json({ status: "unavailable", database: "unreachable" }, { status: 503, headers });
  }
}

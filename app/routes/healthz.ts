// Liveness and readiness for a load balancer: 200 when the database answers, 503 when not.
import { checkDatabaseAnswers } from "~/models/operations/database-health.server";
import { logger } from "~/utils/logger.server";

const DATABASE_TIMEOUT_MS = 2_000;

export async function loader() {
  const headers = { "Cache-Control": "no-store" };
  try {
    await checkDatabaseAnswers(DATABASE_TIMEOUT_MS);
    return Response.json({ status: "ok", database: "ok" }, { headers });
  } catch (error) {
    logger.warn({ err: error }, "health check: database unreachable");
    return Response.json({ status: "unavailable", database: "unreachable" }, { status: 503, headers });
  }
}

// A database that can't be used for a while (unreachable, its connections cut, a write lock
// held elsewhere) is not a bug of the page: every loader and action that fails for that reason
// answers 503 with Retry-After, and the error boundary says "temporarily unavailable, try again
// shortly" in the visitor's language. The next request simply tries the database again (the
// drivers reconnect by themselves), so the app recovers without a restart.
import type { ServerBuild } from "@remix-run/node";
import { isDatabaseUnavailable } from "~/db/unavailable";
import { logger } from "~/utils/logger.server";

const RETRY_AFTER_SECONDS = "30";

type Handler = (args: never) => unknown;

function answering503(handler: Handler | undefined): Handler | undefined {
  if (!handler) return undefined;
  return async (args) => {
    try {
      return await handler(args);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      logger.warn({ err: error }, "database unavailable: answered 503");
      throw new Response(null, { status: 503, headers: { "Retry-After": RETRY_AFTER_SECONDS, "Cache-Control": "no-store" } });
    }
  };
}

/** The same build, with every route's loader and action answering 503 when the database is unavailable. */
export function answerDatabaseOutagesWith503(build: ServerBuild): ServerBuild {
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => [
      id,
      { ...route, module: { ...route.module, loader: answering503(route.module.loader), action: answering503(route.module.action) } },
    ]),
  );
  return { ...build, routes } as ServerBuild;
}

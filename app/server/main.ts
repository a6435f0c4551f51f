// The HTTP server: request metrics, security headers, static files, request logs, /metrics,
// the Remix app, and a graceful shutdown that lets requests in flight finish.
import { existsSync } from "node:fs";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import closeWithGrace from "close-with-grace";
import compression from "compression";
import express from "express";
import onHeaders from "on-headers";
import { pinoHttp } from "pino-http";
import { devMailboxEnabled, loadConfigOrExit } from "~/config.server";
import { getDb } from "~/db/client.server";
import { devMailboxUrl } from "~/utils/dev-mailbox.server";
import { startBackgroundJobs, stopBackgroundJobs } from "~/jobs/background.server";
import { logger } from "~/utils/logger.server";
import { answerDatabaseOutagesWith503 } from "./database-outage";
import { createMetrics } from "./metrics";
import { publicPageMicroCache } from "./micro-cache";
import { guardRequestBody } from "./request-body";
import { answerUnhandledErrors, refuseUnservedRequests } from "./request-target";
import { refuseCrossSiteWrites } from "./same-origin";
import { cspNonce, helmetHeaders, transportAndFeatureHeaders } from "./security-headers";

const config = loadConfigOrExit(1, "The server did not start. Fix the environment (or .env) and try again.");

// This module runs as build/server.js (`npm run build`), beside the Remix build.
const remixBuild = new URL("./index.js", import.meta.url);
if (!existsSync(remixBuild)) {
  console.error("No Remix build beside the server: run `npm run build`, then `npm run serve`.");
  process.exit(1);
}
const build = answerDatabaseOutagesWith503((await import(remixBuild.href)) as ServerBuild);

const metrics = createMetrics(config.METRICS_TOKEN);
const app = express();
app.disable("x-powered-by");
app.set("trust proxy", config.TRUST_PROXY_HOPS);
// First, so every request is counted and timed, static files and refusals included.
app.use(metrics.recordRequests);
/** Set once the process is stopping: every answer from then on closes its connection. */
let stopping = false;
app.use((_req, res, next) => {
  // Decided when the headers go out, so a request that arrived before the stop and is answered after it closes its connection too.
  onHeaders(res, () => {
    if (stopping) res.setHeader("Connection", "close");
  });
  next();
});
app.use(cspNonce, helmetHeaders, transportAndFeatureHeaders);
app.use(refuseUnservedRequests);
app.use(refuseCrossSiteWrites(config.TRUST_PROXY_HOPS));
app.use(guardRequestBody);
app.use(compression());
// Not a page of the app: before the caches and Remix, and 404 unless METRICS_TOKEN is set.
app.get("/metrics", metrics.serve);
app.use(publicPageMicroCache);
// Fingerprinted assets never change; everything else in public/ may.
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));
app.use(
  pinoHttp({
    logger,
    autoLogging: { ignore: (req) => req.url === "/healthz" },
    // Only the path: query strings may carry tokens or addresses.
    serializers: {
      req: (req) => ({ method: req.method, url: String(req.url).split("?")[0] }),
      res: (res) => ({ statusCode: res.statusCode }),
    },
  }),
);
app.all(
  "*",
  // Express 4 ignores the handler's promise; Remix's adapter catches its own errors and passes them to next().
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  createRequestHandler({
    build,
    mode: config.NODE_ENV,
    getLoadContext: (req, res) => ({
      cspNonce: res.locals.cspNonce as string,
      clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
    }),
  }),
);
app.use(answerUnhandledErrors);

/**
 * A parent that started the app with an IPC channel (a supervisor, the tests) is told the moment
 * it accepts connections, so it need not probe. The channel is unref'd: it must not keep a
 * shutting-down process alive.
 */
function announceListening(): void {
  if (!process.send) return;
  process.send("listening");
  process.channel?.unref();
}

const server = app.listen(config.PORT, config.HOST, () => {
  logger.info({ url: `http://${config.HOST}:${config.PORT}` }, "Madoguchi is listening");
  announceListening();
  if (!config.SMTP_URL) {
    logger.warn(
      devMailboxEnabled(config) ? { devMailbox: devMailboxUrl(config) } : {},
      devMailboxEnabled(config)
        ? "SMTP_URL is not set: mail stays in the outbox, readable from this machine at the devMailbox address"
        : "SMTP_URL is not set: mail stays in the outbox and is not sent",
    );
  }
  startBackgroundJobs();
});
// A proxy keeps idle connections to the app open for reuse (nginx: 60 s). If Node closed one
// first (its default is 5 s), a request the proxy sent on it at that moment would be reset, and
// a proxy doesn't retry a POST: the visitor would get a 502. So the app waits longer than any
// proxy in front of it.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

/**
 * Stops accepting connections and waits for the open ones to close. close() ends only those idle
 * at that moment; a connection whose request was still in flight would stay open after its answer
 * until its keep-alive ran out (65 s, above), far past the grace, and a proxy may still send on it.
 * So from now on every answer says Connection: close, and whatever has gone idle is closed as it does.
 */
async function closeConnections(): Promise<void> {
  stopping = true;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const sweep = setInterval(() => server.closeIdleConnections(), 100);
  try {
    await closed;
  } finally {
    clearInterval(sweep);
  }
}

closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) logger.error({ err }, "shutting down after an error");
  else logger.info({ signal }, "shutting down");
  // Each stage is logged with its time, so a stop that runs out of grace shows where it was.
  const started = Date.now();
  await closeConnections();
  logger.info({ ms: Date.now() - started }, "requests in flight finished");
  await stopBackgroundJobs();
  logger.info({ ms: Date.now() - started }, "background work stopped");
  await getDb().$disconnect();
});

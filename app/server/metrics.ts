// Prometheus metrics at /metrics, for a scraper holding METRICS_TOKEN: this instance's
// requests (count and duration by method, status class and route group) and Node's own
// figures, plus gauges read from the database at scrape time (app/models/operations).
// Without a token there is no /metrics (404) and nothing is measured.
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";
import { methodLabelOf, routeGroupOf, statusClassOf } from "~/domain/operations/route-group";
import { loopRuns } from "~/jobs/work-loop.server";
import { registerDatabaseGauges } from "~/models/operations/gauges.server";
import { logger } from "~/utils/logger.server";
import { bearerTokenMatches } from "./bearer-auth";

const PREFIX = "madoguchi_";
const LABELS = ["method", "status_class", "route"] as const;

export interface Metrics {
  /** Measures every request; mount it first. */
  recordRequests: RequestHandler;
  /** GET /metrics. */
  serve: RequestHandler;
}

const passThrough: RequestHandler = (_req, _res, next) => next();

function notFound(_req: Request, res: Response) {
  res.status(404).type("text/plain; charset=utf-8").send("Not found\n");
}

export function createMetrics(token: string | undefined): Metrics {
  if (!token) return { recordRequests: passThrough, serve: notFound };
  const expectedToken = token;
  // A registry of our own, not prom-client's global one: only what is defined here is exposed.
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: PREFIX });
  const requests = new Counter({
    name: `${PREFIX}http_requests_total`,
    help: "HTTP requests answered by this instance, by method, status class and route group.",
    labelNames: LABELS,
    registers: [registry],
  });
  const durations = new Histogram({
    name: `${PREFIX}http_request_duration_seconds`,
    help: "Time from receiving a request to the end of its response on this instance, by method, status class and route group.",
    labelNames: LABELS,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Counter({
    name: `${PREFIX}background_loop_runs_total`,
    help: "Runs of each background loop on this instance: begun (stage=started) and finished, failed ones included (stage=finished).",
    labelNames: ["loop", "stage"],
    registers: [registry],
    collect() {
      this.reset();
      for (const [loop, runs] of loopRuns()) {
        this.inc({ loop, stage: "started" }, runs.started);
        this.inc({ loop, stage: "finished" }, runs.finished);
      }
    },
  });
  registerDatabaseGauges(registry);

  function recordRequests(req: Request, res: Response, next: NextFunction) {
    const started = process.hrtime.bigint();
    let recorded = false;
    const record = () => {
      if (recorded) return;
      recorded = true;
      // Labels from fixed lists only: never the path itself, a query or a header.
      const labels = { method: methodLabelOf(req.method), status_class: statusClassOf(res.statusCode), route: routeGroupOf(req.path) };
      requests.inc(labels);
      durations.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    };
    // "close" also covers a client that went away before the response ended.
    res.once("finish", record);
    res.once("close", record);
    next();
  }

  // Not async: Express 4 ignores a handler's promise, so the failure is handled on it here.
  function serve(req: Request, res: Response) {
    res.set("Cache-Control", "no-store");
    if (!bearerTokenMatches(req.get("authorization"), expectedToken)) {
      res.status(401).set("WWW-Authenticate", "Bearer").type("text/plain; charset=utf-8").send("A bearer token is required.\n");
      return;
    }
    registry.metrics().then(
      (body) => res.type(registry.contentType).send(body),
      (err: unknown) => {
        logger.error({ err }, "could not collect the metrics");
        res.status(500).type("text/plain; charset=utf-8").send("Metrics unavailable\n");
      },
    );
  }

  return { recordRequests, serve };
}

// Gauges read from the database when Prometheus scrapes /metrics: queue depths, job progress
// and the background loops' health. They are the same from every instance (one database);
// request metrics, by contrast, are each instance's own (app/server/metrics.ts).
import { Gauge, type Registry } from "prom-client";
import { getDb } from "~/db/client.server";
import type { DbHandle } from "~/db/transaction.server";
import { BACKGROUND_LOOPS } from "~/domain/operations/loops";
import { getWrapState } from "~/jobs/legacy-hash-wrap.server";
import { logger } from "~/utils/logger.server";
import {
  countDeletionExecution,
  countOpenDeletionRequests,
  countOpenInquiries,
  countOverdueDeletionRequests,
  countOverdueInquiries,
  countRetryingMail,
  countUnsentMail,
  countWebhookQueue,
  getCheckQueue,
  getRunningImport,
  oldestWaitingMailAt,
  UNSENT_MAIL_STATUSES,
} from "./figures.server";
import { listLoopStatuses } from "./loop-status.server";

/** Several gauges drawn from one read share it within a scrape (their collect() calls run together). */
function sharedWithinScrape<T>(read: () => Promise<T>, ttlMs = 1_000): () => Promise<T> {
  let last: { at: number; value: Promise<T> } | null = null;
  return () => {
    const now = Date.now();
    if (!last || now - last.at > ttlMs) last = { at: now, value: read() };
    return last.value;
  };
}

async function jobProgress(db: DbHandle) {
  const [wrap, running] = await Promise.all([getWrapState(db), getRunningImport(db)]);
  return [
    { job: "wrap-legacy-hashes", running: wrap.running, done: wrap.done, total: wrap.total },
    { job: "import", running: running !== null, done: running?.bytesRead ?? 0, total: running?.bytesTotal ?? 0 },
  ];
}

export function registerDatabaseGauges(registry: Registry, db: DbHandle = getDb()): void {
  const jobs = sharedWithinScrape(() => jobProgress(db));
  // Only the names in the code's own list become labels.
  const loops = sharedWithinScrape(async () => (await listLoopStatuses(db)).filter((row) => (BACKGROUND_LOOPS as readonly string[]).includes(row.name)));
  const webhook = sharedWithinScrape(() => countWebhookQueue(db));

  /** A gauge set at scrape time; when the database can't answer, it is left out of the scrape (absent, not stale). */
  function gauge(name: string, help: string, labelNames: string[], read: (gauge: Gauge) => Promise<void>) {
    new Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        this.reset();
        try {
          await read(this);
        } catch (err) {
          this.reset();
          logger.warn({ err, metric: name }, "could not read a gauge from the database");
        }
      },
    });
  }

  gauge("madoguchi_outbox_messages", "Mail in the outbox not yet sent, by status (queued includes retrying).", ["status"], async (g) => {
    const counts = await countUnsentMail(db);
    for (const status of UNSENT_MAIL_STATUSES) g.set({ status }, counts[status]);
  });
  gauge("madoguchi_outbox_retrying_messages", "Queued mail whose earlier attempts failed, waiting for a retry.", [], async (g) => {
    g.set(await countRetryingMail(db));
  });
  gauge("madoguchi_outbox_oldest_waiting_age_seconds", "Age of the oldest mail queued or being sent (0 when none waits).", [], async (g) => {
    const oldest = await oldestWaitingMailAt(db);
    g.set(oldest ? Math.max(0, (Date.now() - oldest.getTime()) / 1000) : 0);
  });
  gauge("madoguchi_check_requests_waiting", "Am-I-affected checks not yet answered by mail.", [], async (g) => {
    g.set((await getCheckQueue(db)).waiting);
  });
  gauge("madoguchi_inquiries_open", "Inquiries new, open or waiting on the customer.", [], async (g) => {
    g.set(await countOpenInquiries(db));
  });
  gauge("madoguchi_inquiries_overdue", "Inquiries owed an answer past their due time.", [], async (g) => {
    g.set(await countOverdueInquiries(new Date(), db));
  });
  gauge("madoguchi_deletion_requests_open", "Deletion requests received, under review, approved or executing.", [], async (g) => {
    g.set(await countOpenDeletionRequests(db));
  });
  gauge("madoguchi_deletion_requests_overdue", "Open deletion requests past their deadline.", [], async (g) => {
    g.set(await countOverdueDeletionRequests(new Date(), db));
  });
  gauge(
    "madoguchi_deletion_execution_requests",
    "Approved deletion requests by execution state: scheduled (in the grace period), due (past it, not yet taken), executing.",
    ["state"],
    async (g) => {
      const counts = await countDeletionExecution(new Date(), db);
      for (const state of ["scheduled", "due", "executing"] as const) g.set({ state }, counts[state]);
    },
  );
  gauge("madoguchi_deletion_webhook_pending", "Manifest entries not yet acknowledged by the deletion webhook.", [], async (g) => {
    g.set((await webhook()).pending);
  });
  gauge("madoguchi_deletion_webhook_retrying", "Pending manifest entries whose posts have failed at least once.", [], async (g) => {
    g.set((await webhook()).retrying);
  });
  gauge(
    "madoguchi_job_running",
    "1 while the job runs (wrap-legacy-hashes: an instance holds its lease; import: a run is reading, checking or merging).",
    ["job"],
    async (g) => {
      for (const job of await jobs()) g.set({ job: job.job }, job.running ? 1 : 0);
    },
  );
  gauge(
    "madoguchi_job_done",
    "Work done in the job's current or last run: hashes for wrap-legacy-hashes, bytes read for a running import.",
    ["job"],
    async (g) => {
      for (const job of await jobs()) g.set({ job: job.job }, job.done);
    },
  );
  gauge(
    "madoguchi_job_total",
    "Work in the job's current or last run: hashes for wrap-legacy-hashes, bytes of a running import's file.",
    ["job"],
    async (g) => {
      for (const job of await jobs()) g.set({ job: job.job }, job.total);
    },
  );
  gauge(
    "madoguchi_background_loop_failures",
    "Failed runs of each background loop, summed over every instance since the database was set up.",
    ["loop"],
    async (g) => {
      const rows = new Map((await loops()).map((row) => [row.name, row]));
      for (const loop of BACKGROUND_LOOPS) g.set({ loop }, rows.get(loop)?.failures ?? 0);
    },
  );
  gauge(
    "madoguchi_background_loop_last_success_timestamp_seconds",
    "When a loop last finished a run cleanly on any instance (recorded at most once a minute per instance).",
    ["loop"],
    async (g) => {
      for (const row of await loops()) if (row.lastSuccessAt) g.set({ loop: row.name }, row.lastSuccessAt.getTime() / 1000);
    },
  );
  gauge("madoguchi_background_loop_last_failure_timestamp_seconds", "When a loop last failed on any instance.", ["loop"], async (g) => {
    for (const row of await loops()) if (row.lastFailureAt) g.set({ loop: row.name }, row.lastFailureAt.getTime() / 1000);
  });
}

// The background work every app instance runs. Each job claims its rows in the database,
// so several instances share the work without doing any of it twice.
import { refreshPlannerStatistics } from "~/db/maintenance.server";
import type { BackgroundLoop } from "~/domain/operations/loops";
import { answerPendingChecks, deleteStaleCheckLinks } from "~/models/check.server";
import { deleteStaleCustomerSessions } from "~/models/customer-session.server";
import { executeDueDeletions } from "./deletion-execution.server";
import { deliverManifestEntries } from "./deletion-webhook.server";
import { importFilesInUse } from "~/models/import/background.server";
import { retireStaleRuns } from "~/models/import/runs.server";
import { sweepLeftoverUploads } from "~/models/import/upload.server";
import { deleteExpiredPendingInquiries } from "~/models/inquiries/submit.server";
import { wrapLegacyHashes } from "./legacy-hash-wrap.server";
import { deleteExpiredRateCounters } from "~/models/rate-limit.server";
import { logger } from "~/utils/logger.server";
import { singleton } from "~/utils/singleton.server";
import { getConfig } from "~/config.server";
import { readBounces } from "./bounce-reader.server";
import { releaseNotifications } from "./notification-release.server";
import { sendDueMail } from "./outbox-sender.server";
import { startWorkLoop, type WorkLoop } from "./work-loop.server";

// Named in app/domain/operations/loops.ts, which the operations view lists.
type JobName = BackgroundLoop;

/** How often sending campaigns hand mails to the outbox: a few seconds' worth of their pace each time. */
const NOTIFICATION_INTERVAL_MS = 2_000;

/** How soon a check is answered at most (plus the sending). */
const CHECK_ANSWER_INTERVAL_MS = 2_000;

// In the process-wide registry, so the loops start once per process however often this
// module is loaded.
const loops = () => singleton("background-jobs", () => new Map<JobName, WorkLoop>());

export function startBackgroundJobs(): void {
  const running = loops();
  if (running.size > 0) return;
  // Never kicked by the check itself: answering on a clock of its own keeps the extra work
  // for a known address out of the timing of the asker's response and of their next request.
  running.set(
    "check-answers",
    startWorkLoop(
      "check-answers",
      async (signal) => {
        if ((await answerPendingChecks({ signal })) > 0) running.get("outbox")?.kick();
      },
      CHECK_ANSWER_INTERVAL_MS,
    ),
  );
  running.set(
    "outbox",
    startWorkLoop("outbox", async (signal) => void (await sendDueMail({ signal })), 5_000),
  );
  // One instance at a time holds the job's lease; the others find it held and wait their turn
  // (they take over within the lease's 15 s if the holder dies). Yields to people's hashing.
  running.set(
    "wrap-legacy-hashes",
    startWorkLoop(
      "wrap-legacy-hashes",
      async (signal) => {
        const outcome = await wrapLegacyHashes({ signal, yieldToPeople: true });
        if (outcome === "finished") logger.info({ job: "wrap-legacy-hashes" }, "every legacy password hash is wrapped");
      },
      10_000,
    ),
  );
  // Approved deletion requests whose grace period is over, each claimed by one instance
  // (ADR 013); the confirmation mail goes out at once, the manifest entry to the webhook.
  running.set(
    "deletion-execution",
    startWorkLoop(
      "deletion-execution",
      async (signal) => {
        if ((await executeDueDeletions({ signal })) > 0) {
          running.get("outbox")?.kick();
          running.get("deletion-webhook")?.kick();
        }
      },
      5_000,
    ),
  );
  running.set(
    "deletion-webhook",
    startWorkLoop("deletion-webhook", async (signal) => void (await deliverManifestEntries({ signal })), 5_000),
  );
  // Notification campaigns that are sending: each hand-over is claimed in the database, so the
  // campaign's pace holds however many instances run this (ADR 031).
  running.set(
    "notifications",
    startWorkLoop(
      "notifications",
      async (signal) => {
        if ((await releaseNotifications({ signal })) > 0) running.get("outbox")?.kick();
      },
      NOTIFICATION_INTERVAL_MS,
    ),
  );
  // Bounces of notifications that came back by mail, when a bounce mailbox is configured.
  running.set(
    "bounces",
    startWorkLoop("bounces", async (signal) => void (await readBounces({ signal })), getConfig().BOUNCE_CHECK_SECONDS * 1000),
  );
  running.set(
    "housekeeping",
    startWorkLoop(
      "housekeeping",
      async (signal) => {
        const steps = [
          () => deleteExpiredRateCounters(),
          () => deleteStaleCheckLinks(),
          () => deleteStaleCustomerSessions(),
          () => deleteExpiredPendingInquiries(),
          () => refreshPlannerStatistics(),
          // Import runs whose process died: marked abandoned, their staged lines removed.
          () => retireStaleRuns(),
          // Uploads (personal data) a killed process left in its temporary folder.
          () => sweepLeftoverUploads(importFilesInUse()),
        ];
        // Each step waits its turn for the database (up to its lock wait on a busy SQLite file),
        // so a stopping process ends the run between steps; the next run does the rest.
        for (const step of steps) {
          if (signal.aborted) return;
          await step();
        }
      },
      10 * 60_000,
    ),
  );
}

/** A loop slower than this to stop is named in the log: it is what a stop past its grace waited for. */
const SLOW_STOP_MS = 1_000;

export async function stopBackgroundJobs(): Promise<void> {
  const started = Date.now();
  await Promise.all(
    [...loops()].map(async ([job, loop]) => {
      await loop.stop();
      const ms = Date.now() - started;
      if (ms > SLOW_STOP_MS) logger.info({ job, ms }, "background work was slow to stop");
    }),
  );
  loops().clear();
}

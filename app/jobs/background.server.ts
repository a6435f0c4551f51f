// The background work every app instance runs. Each job claims its rows in the database,
// so several instances share the work without doing any of it twice.
import { getDb } from "~/db/client.server";
import { answerPendingChecks, deleteStaleCheckLinksAndSessions } from "~/models/check.server";
import { retireStaleRuns } from "~/models/import/runs.server";
import { deleteExpiredRateCounters } from "~/models/rate-limit.server";
import { singleton } from "~/utils/singleton.server";
import { sendDueMail } from "./outbox-sender.server";
import { startWorkLoop, type WorkLoop } from "./work-loop.server";

export type JobName = "check-answers" | "outbox" | "housekeeping";

// Shared through the process-wide registry: routes run from the Remix build, which has
// its own copy of this module, and must reach the loops the server entry started.
const loops = () => singleton("background-jobs", () => new Map<JobName, WorkLoop>());

export function startBackgroundJobs(): void {
  const running = loops();
  if (running.size > 0) return;
  running.set("check-answers", startWorkLoop("check-answers", async () => {
    if ((await answerPendingChecks()) > 0) kickJob("outbox");
  }, 5_000));
  running.set("outbox", startWorkLoop("outbox", async () => void (await sendDueMail()), 5_000));
  running.set("housekeeping", startWorkLoop("housekeeping", async () => {
    await deleteExpiredRateCounters();
    await deleteStaleCheckLinksAndSessions();
    // Import runs whose process died: marked abandoned, their staged lines removed.
    await retireStaleRuns(getDb());
  }, 10 * 60_000));
}

/** Asks a job to run now (a no-op in processes that run no jobs, such as the CLI). */
export function kickJob(name: JobName): void {
  loops().get(name)?.kick();
}

export async function stopBackgroundJobs(): Promise<void> {
  await Promise.all([...loops().values()].map((loop) => loop.stop()));
  loops().clear();
}

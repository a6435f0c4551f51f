// Everything the operations view shows, read in one go: the outbox, each background loop,
// the jobs' progress and the waiting checks. Counts, dates, templates and redacted error
// messages only: no recipient, no mail body, no file name.
import { getConfig } from "~/config.server";
import { getDb } from "~/db/client.server";
import type { DbHandle } from "~/db/transaction.server";
import { BACKGROUND_LOOPS, type BackgroundLoop } from "~/domain/operations/loops";
import { redactError } from "~/domain/work-queue/redact";
import { getWrapState } from "~/jobs/legacy-hash-wrap.server";
import {
  countDeletionExecution,
  countDeletionsCompletedSince,
  countMailSentSince,
  countRetryingMail,
  countUnsentMail,
  countWebhookQueue,
  getCheckQueue,
  latestWebhookFailure,
  listLatestImports,
  listRecentMailFailures,
  oldestWaitingMailAt,
} from "./figures.server";
import { listLoopStatuses, type LoopStatus } from "./loop-status.server";

const DAY_MS = 86_400_000;

export async function getOperationsOverview(now = new Date(), db: DbHandle = getDb()) {
  const config = getConfig();
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const [unsent, retrying, sentLastDay, oldestMailAt, failures, loops, wrap, imports, execution, completedLastDay, webhook, webhookFailure, checks] =
    await Promise.all([
      countUnsentMail(db),
      countRetryingMail(db),
      countMailSentSince(dayAgo, db),
      oldestWaitingMailAt(db),
      listRecentMailFailures(10, db),
      listLoopStatuses(db),
      getWrapState(db),
      listLatestImports(5, db),
      countDeletionExecution(now, db),
      countDeletionsCompletedSince(dayAgo, db),
      countWebhookQueue(db),
      latestWebhookFailure(db),
      getCheckQueue(db),
    ]);
  const byName = new Map(loops.map((row) => [row.name, row]));
  return {
    outbox: {
      smtpConfigured: Boolean(config.SMTP_URL),
      ...unsent,
      retrying,
      sentLastDay,
      oldestWaitingMs: oldestMailAt ? now.getTime() - oldestMailAt.getTime() : null,
      failures,
    },
    loops: BACKGROUND_LOOPS.map((name): LoopStatus & { name: BackgroundLoop } => {
      const row = byName.get(name);
      return {
        name,
        lastSuccessAt: row?.lastSuccessAt ?? null,
        lastFailureAt: row?.lastFailureAt ?? null,
        lastError: row?.lastError ? redactError(row.lastError) : null,
        failures: row?.failures ?? 0,
      };
    }),
    wrap: { ...wrap, lastError: wrap.lastError ? redactError(wrap.lastError) : null },
    imports,
    deletions: { ...execution, completedLastDay },
    webhook: { configured: Boolean(config.DELETION_WEBHOOK_URL), ...webhook, ...(webhookFailure ?? { lastError: null, nextAttemptAt: null }) },
    checks: { waiting: checks.waiting, oldestWaitingMs: checks.oldestAt ? now.getTime() - checks.oldestAt.getTime() : null },
  };
}

export type OperationsOverview = Awaited<ReturnType<typeof getOperationsOverview>>;

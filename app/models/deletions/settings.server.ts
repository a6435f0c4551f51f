// What privacy officers set for deletion requests: the deadline in calendar days, the grace
// period between approval and execution, and the grounds a refusal may give. Every change
// is audited in its own transaction.
import { randomBytes } from "node:crypto";
import { getDb } from "~/db/client.server";
import { type DbHandle, inTransaction } from "~/db/transaction.server";
import { DEFAULT_DEADLINE_DAYS, DEFAULT_EXECUTION_DELAY_HOURS } from "~/domain/deletions/deadline";
import { DEFAULT_REFUSAL_GROUNDS, groundKeyFrom, type RefusalGround } from "~/domain/deletions/grounds";
import { auditEditorChange, type EditorActor } from "~/models/editor-actor.server";

export interface DeletionSettings {
  deadlineDays: number;
  executionDelayHours: number;
}

/** Written by setup on every start: the settings row and the first grounds, once. */
export async function ensureDeletionDefaults(db: DbHandle = getDb()): Promise<void> {
  if (await db.deletionSettings.findUnique({ where: { id: 1 }, select: { id: true } })) return;
  await inTransaction(db, async (tx) => {
    await tx.deletionSettings.create({ data: { id: 1 }, select: { id: true } });
    for (const [position, ground] of DEFAULT_REFUSAL_GROUNDS.entries()) {
      await tx.deletionRefusalGround.create({ data: { ...ground, position }, select: { key: true } });
    }
  });
}

export async function getDeletionSettings(db: DbHandle = getDb()): Promise<DeletionSettings> {
  const row = await db.deletionSettings.findUnique({ where: { id: 1 }, select: { deadlineDays: true, executionDelayHours: true } });
  return row ?? { deadlineDays: DEFAULT_DEADLINE_DAYS, executionDelayHours: DEFAULT_EXECUTION_DELAY_HOURS };
}

/** A new deadline applies to requests received from now on; a new grace period to approvals from now on. */
export async function saveDeletionSettings(settings: DeletionSettings, actor: EditorActor, db: DbHandle = getDb()): Promise<void> {
  const before = await getDeletionSettings(db);
  await inTransaction(db, async (tx) => {
    await tx.deletionSettings.upsert({ where: { id: 1 }, create: { id: 1, ...settings }, update: settings, select: { id: true } });
    await auditEditorChange(tx, actor, "deletion.settings", { type: "settings", id: "deletion" }, { before, after: settings });
  });
}

/** The grounds offered for a refusal (not retired), in their order. */
export function listRefusalGrounds(db: DbHandle = getDb()): Promise<RefusalGround[]> {
  return db.deletionRefusalGround.findMany({
    where: { retiredAt: null },
    orderBy: [{ position: "asc" }, { key: "asc" }],
    select: { key: true, labelJa: true, labelEn: true },
  });
}

export async function addRefusalGround(labels: { labelJa: string; labelEn: string }, actor: EditorActor, db: DbHandle = getDb()): Promise<void> {
  await inTransaction(db, async (tx) => {
    const last = await tx.deletionRefusalGround.findFirst({ orderBy: { position: "desc" }, select: { position: true } });
    const key = groundKeyFrom(randomBytes(6).toString("hex"));
    const { labelJa, labelEn } = labels;
    await tx.deletionRefusalGround.create({ data: { key, labelJa, labelEn, position: (last?.position ?? -1) + 1 }, select: { key: true } });
    await auditEditorChange(tx, actor, "deletion.ground.add", { type: "refusal-ground", id: key }, { labelJa, labelEn });
  });
}

/** No longer offered; refusals already made keep its wording (they store it). */
export async function retireRefusalGround(key: string, actor: EditorActor, db: DbHandle = getDb()): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const { count } = await tx.deletionRefusalGround.updateMany({ where: { key, retiredAt: null }, data: { retiredAt: new Date() } });
    if (count === 1) await auditEditorChange(tx, actor, "deletion.ground.retire", { type: "refusal-ground", id: key }, {});
    return count === 1;
  });
}

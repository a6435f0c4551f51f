// What admins set for the inquiry desk: the service targets per category and the reply
// templates agents start from. Every change is audited in its own transaction.
import { getDb } from "~/db/client.server";
import { type DbHandle, inTransaction } from "~/db/transaction.server";
import { INQUIRY_CATEGORIES, type InquiryCategory } from "~/domain/inquiries/categories";
import { DEFAULT_SLA_TARGETS, type SlaTargets } from "~/domain/inquiries/sla";
import { auditEditorChange, type EditorActor } from "~/models/editor-actor.server";

export async function getSlaTargets(category: InquiryCategory, db: DbHandle = getDb()): Promise<SlaTargets> {
  const stored = await db.inquirySlaTarget.findUnique({
    where: { category },
    select: { firstResponseMinutes: true, nextResponseMinutes: true },
  });
  return stored ?? DEFAULT_SLA_TARGETS[category];
}

export async function getAllSlaTargets(db: DbHandle = getDb()): Promise<Record<InquiryCategory, SlaTargets>> {
  const rows = await db.inquirySlaTarget.findMany({
    select: { category: true, firstResponseMinutes: true, nextResponseMinutes: true },
  });
  const targets = { ...DEFAULT_SLA_TARGETS };
  for (const { category, ...target } of rows) {
    if ((INQUIRY_CATEGORIES as readonly string[]).includes(category)) targets[category as InquiryCategory] = target;
  }
  return targets;
}

/** New targets apply to due times computed from now on; running clocks keep theirs. */
export async function saveSlaTargets(targets: Record<InquiryCategory, SlaTargets>, actor: EditorActor, db: DbHandle = getDb()): Promise<void> {
  const before = await getAllSlaTargets(db);
  await inTransaction(db, async (tx) => {
    for (const category of INQUIRY_CATEGORIES) {
      await tx.inquirySlaTarget.upsert({
        where: { category },
        create: { category, ...targets[category] },
        update: targets[category],
        select: { category: true },
      });
    }
    await auditEditorChange(tx, actor, "inquiry.sla-targets", { type: "settings", id: "inquiry-sla" }, { before, after: targets });
  });
}

export interface ReplyTemplate {
  id: string;
  titleJa: string;
  titleEn: string;
  bodyJa: string;
  bodyEn: string;
  position: number;
}

const TEMPLATE_SELECT = { id: true, titleJa: true, titleEn: true, bodyJa: true, bodyEn: true, position: true } as const;

export function listReplyTemplates(db: DbHandle = getDb()): Promise<ReplyTemplate[]> {
  return db.replyTemplate.findMany({ orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: TEMPLATE_SELECT });
}

export function getReplyTemplate(id: string, db: DbHandle = getDb()): Promise<ReplyTemplate | null> {
  return db.replyTemplate.findUnique({ where: { id }, select: TEMPLATE_SELECT });
}

export type ReplyTemplateInput = Omit<ReplyTemplate, "id">;

export async function saveReplyTemplate(id: string | null, input: ReplyTemplateInput, actor: EditorActor, db: DbHandle = getDb()): Promise<string | null> {
  return inTransaction(db, async (tx) => {
    if (id) {
      const { count } = await tx.replyTemplate.updateMany({ where: { id }, data: input });
      if (count !== 1) return null;
    } else {
      id = (await tx.replyTemplate.create({ data: input, select: { id: true } })).id;
    }
    await auditEditorChange(tx, actor, "inquiry.reply-template.save", { type: "reply-template", id }, { titleJa: input.titleJa, titleEn: input.titleEn });
    return id;
  });
}

export async function deleteReplyTemplate(id: string, actor: EditorActor, db: DbHandle = getDb()): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const { count } = await tx.replyTemplate.deleteMany({ where: { id } });
    if (count === 1) await auditEditorChange(tx, actor, "inquiry.reply-template.delete", { type: "reply-template", id }, {});
    return count === 1;
  });
}

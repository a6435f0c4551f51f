// Drafting, previewing and publishing revisions of the incident notice. Every change
// runs in one transaction with its audit entry. A published revision is never written
// again: every write to a revision is conditional on `publishedAt: null`.
import { getDb } from "~/db/client.server";
import { isUniqueViolation } from "~/db/unique-violation";
import { type DbHandle, inTransaction, type Tx } from "~/db/transaction.server";
import type { Language } from "~/i18n/config";
import { changedFields } from "~/domain/notice/changes";
import { instantToLocalDateTime, localDateTimeToInstant } from "~/domain/notice/desk-time";
import type { RevisionDraft } from "~/domain/notice/editor-schemas";
import { allowedKinds, defaultKind, isNoticeKind, nextRevisionNumber, type NoticeKind } from "~/domain/notice/revision-kind";
import { renderMarkdown } from "~/utils/markdown.server";
import { revisionSelect, type RevisionRow, type RevisionView } from "./notice.server";
import { auditEditorChange as audit, type EditorActor } from "./editor-actor.server";

const TEXT_FIELDS = ["titleJa", "titleEn", "summaryJa", "summaryEn", "actionsTakenJa", "actionsTakenEn", "customerActionsJa", "customerActionsEn"] as const;

export interface StaffRevision {
  number: number;
  kind: NoticeKind;
  titleJa: string;
  titleEn: string;
  publishedAt: Date | null;
}

function kindOf(value: string): NoticeKind {
  return isNoticeKind(value) ? value : "update";
}

/** Every revision, drafts included, newest first. */
export async function listRevisionsForStaff(db: DbHandle = getDb()): Promise<StaffRevision[]> {
  const rows = await db.noticeRevision.findMany({
    orderBy: { number: "desc" },
    select: { number: true, kind: true, titleJa: true, titleEn: true, publishedAt: true },
  });
  return rows.map((row) => ({ ...row, kind: kindOf(row.kind) }));
}

export interface DraftingState {
  /** The one draft, if there is one. */
  draft: { number: number; kind: NoticeKind } | null;
  hasPublished: boolean;
  /** The number a new draft would take. */
  nextNumber: number;
  kinds: NoticeKind[];
}

async function draftingState(db: Tx): Promise<DraftingState> {
  const [draft, published, highest] = await Promise.all([
    db.noticeRevision.findFirst({
      where: { publishedAt: null },
      orderBy: { number: "asc" },
      select: { number: true, kind: true },
    }),
    db.noticeRevision.count({ where: { publishedAt: { not: null } } }),
    db.noticeRevision.aggregate({ _max: { number: true } }),
  ]);
  return {
    draft: draft ? { number: draft.number, kind: kindOf(draft.kind) } : null,
    hasPublished: published > 0,
    nextNumber: nextRevisionNumber(highest._max.number),
    kinds: allowedKinds(published > 0),
  };
}

export async function getDraftingState(db: DbHandle = getDb()): Promise<DraftingState> {
  return draftingState(db);
}

function toDraft(row: RevisionRow, timeZone: string): RevisionDraft {
  return {
    kind: kindOf(row.kind),
    ...Object.fromEntries(TEXT_FIELDS.map((field) => [field, row[field]])),
    timeline: row.timeline.map((entry) => ({
      occurredAt: instantToLocalDateTime(entry.occurredAt, timeZone),
      textJa: entry.textJa,
      textEn: entry.textEn,
    })),
  } as RevisionDraft;
}

export type StaffRevisionDetail = { number: number; publishedAt: Date | null; draft: RevisionDraft };

/** One revision with its texts as the editor shows them (timeline in desk-local time). */
export async function getRevisionForStaff(number: number, timeZone: string, db: DbHandle = getDb()): Promise<StaffRevisionDetail | null> {
  const row = await db.noticeRevision.findUnique({ where: { number }, select: revisionSelect });
  return row ? { number: row.number, publishedAt: row.publishedAt, draft: toDraft(row, timeZone) } : null;
}

/**
 * What a new draft starts from: the texts and timeline of the given published revision,
 * or of the latest one, with the kind set for what comes next.
 */
export async function getNewDraftValues(
  basedOn: number | null,
  state: DraftingState,
  timeZone: string,
  db: DbHandle = getDb(),
): Promise<{ basedOn: { number: number; kind: NoticeKind } | null; draft: Partial<RevisionDraft> }> {
  const publishedRevision = (number?: number) =>
    db.noticeRevision.findFirst({
      where: { publishedAt: { not: null }, ...(number ? { number } : {}) },
      orderBy: { number: "desc" },
      select: revisionSelect,
    });
  // An unknown or unpublished ?from= falls back to the latest published revision.
  const row = (basedOn ? await publishedRevision(basedOn) : null) ?? (await publishedRevision());
  if (!row) return { basedOn: null, draft: { kind: defaultKind(state.hasPublished), timeline: [] } };
  return {
    basedOn: { number: row.number, kind: kindOf(row.kind) },
    draft: { ...toDraft(row, timeZone), kind: defaultKind(state.hasPublished) },
  };
}

function revisionData(draft: RevisionDraft) {
  return {
    kind: draft.kind,
    ...Object.fromEntries(TEXT_FIELDS.map((field) => [field, draft[field]])),
  } as { kind: NoticeKind } & Record<(typeof TEXT_FIELDS)[number], string>;
}

function timelineData(draft: RevisionDraft, timeZone: string) {
  return draft.timeline.map((entry) => ({
    occurredAt: localDateTimeToInstant(entry.occurredAt, timeZone),
    textJa: entry.textJa,
    textEn: entry.textEn,
  }));
}

export type CreateDraftOutcome = { status: "created"; number: number } | { status: "draft-exists"; number: number } | { status: "kind-not-allowed" };

/** Starts the one draft; it takes the next number now, so numbers stay unique. */
export async function createDraft(actor: EditorActor, draft: RevisionDraft, timeZone: string, db: DbHandle = getDb()): Promise<CreateDraftOutcome> {
  try {
    return await insertDraft(actor, draft, timeZone, db);
  } catch (error) {
    // Two drafts started at the same instant (PostgreSQL, read committed): both saw no
    // draft and took the same number; the unique number let one through.
    const existing = isUniqueViolation(error) ? (await getDraftingState(db)).draft : null;
    if (existing) return { status: "draft-exists", number: existing.number };
    throw error;
  }
}

async function insertDraft(actor: EditorActor, draft: RevisionDraft, timeZone: string, db: DbHandle = getDb()): Promise<CreateDraftOutcome> {
  return inTransaction(db, async (tx) => {
    const state = await draftingState(tx);
    if (state.draft) return { status: "draft-exists", number: state.draft.number } as const;
    if (!state.kinds.includes(draft.kind)) return { status: "kind-not-allowed" } as const;
    const created = await tx.noticeRevision.create({
      data: { ...revisionData(draft), number: state.nextNumber, timeline: { create: timelineData(draft, timeZone) } },
      select: { id: true, number: true },
    });
    await audit(
      tx,
      actor,
      "notice.draft.create",
      { type: "notice-revision", id: created.id },
      {
        number: created.number,
        kind: draft.kind,
        timelineEntries: draft.timeline.length,
      },
    );
    return { status: "created", number: created.number } as const;
  });
}

export type UpdateDraftOutcome =
  { status: "updated"; changed: string[] } | { status: "unchanged" } | { status: "not-found" } | { status: "published" } | { status: "kind-not-allowed" };

export async function updateDraft(
  actor: EditorActor,
  number: number,
  draft: RevisionDraft,
  timeZone: string,
  db: DbHandle = getDb(),
): Promise<UpdateDraftOutcome> {
  return inTransaction(db, async (tx): Promise<UpdateDraftOutcome> => {
    const row = await tx.noticeRevision.findUnique({ where: { number }, select: revisionSelect });
    if (!row) return { status: "not-found" };
    if (row.publishedAt) return { status: "published" };
    const state = await draftingState(tx);
    if (!state.kinds.includes(draft.kind)) return { status: "kind-not-allowed" };
    const changed = changedFields(toDraft(row, timeZone), draft);
    if (changed.length === 0) return { status: "unchanged" };
    // Conditional on still being a draft, in case it was published since it was read.
    const { count } = await tx.noticeRevision.updateMany({
      where: { id: row.id, publishedAt: null },
      data: revisionData(draft),
    });
    if (count === 0) return { status: "published" };
    if (changed.includes("timeline")) {
      await tx.noticeTimelineEntry.deleteMany({ where: { revisionId: row.id } });
      await tx.noticeTimelineEntry.createMany({
        data: timelineData(draft, timeZone).map((entry) => ({ ...entry, revisionId: row.id })),
      });
    }
    await audit(tx, actor, "notice.draft.update", { type: "notice-revision", id: row.id }, { number, changed });
    return { status: "updated", changed };
  });
}

export type PublishOutcome =
  { status: "published"; number: number } | { status: "not-found" } | { status: "already-published" } | { status: "kind-not-allowed" };

/** Publishes the draft: from now on it is read-only and the public pages show it. */
export async function publishDraft(actor: EditorActor, number: number, now: Date, db: DbHandle = getDb()): Promise<PublishOutcome> {
  return inTransaction(db, async (tx): Promise<PublishOutcome> => {
    const row = await tx.noticeRevision.findUnique({
      where: { number },
      select: { id: true, kind: true, titleJa: true, titleEn: true, publishedAt: true },
    });
    if (!row) return { status: "not-found" };
    if (row.publishedAt) return { status: "already-published" };
    const state = await draftingState(tx);
    if (!isNoticeKind(row.kind) || !state.kinds.includes(row.kind)) return { status: "kind-not-allowed" };
    const { count } = await tx.noticeRevision.updateMany({
      where: { id: row.id, publishedAt: null },
      data: { publishedAt: now },
    });
    if (count === 0) return { status: "already-published" };
    await audit(
      tx,
      actor,
      "notice.publish",
      { type: "notice-revision", id: row.id },
      {
        number,
        kind: row.kind,
        titleJa: row.titleJa,
        titleEn: row.titleEn,
        publishedAt: now.toISOString(),
      },
    );
    return { status: "published", number };
  });
}

/**
 * A draft rendered as the public page will render it once published now: the same
 * Markdown renderer (ADR 004), the same view shape, in each language.
 */
export function previewRevision(draft: RevisionDraft, number: number, publishedAt: Date, timeZone: string): Record<Language, RevisionView> {
  const timeline = timelineData(draft, timeZone)
    .map((entry, index) => ({ ...entry, index }))
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.index - b.index);
  const view = (language: Language): RevisionView => {
    const ja = language === "ja";
    return {
      number,
      kind: draft.kind,
      title: ja ? draft.titleJa : draft.titleEn,
      publishedAt: publishedAt.toISOString(),
      summaryHtml: renderMarkdown(ja ? draft.summaryJa : draft.summaryEn),
      actionsTakenHtml: renderMarkdown(ja ? draft.actionsTakenJa : draft.actionsTakenEn),
      customerActionsHtml: renderMarkdown(ja ? draft.customerActionsJa : draft.customerActionsEn),
      timeline: timeline.map((entry) => ({
        occurredAt: entry.occurredAt.toISOString(),
        text: ja ? entry.textJa : entry.textEn,
      })),
    };
  };
  return { ja: view("ja"), en: view("en") };
}

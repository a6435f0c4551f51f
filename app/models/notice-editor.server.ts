// The staff side of the incident notice: drafting, previewing and publishing revisions,
// and the affected groups and data categories the public page lists. Every change runs
// in one transaction with its audit entry. A published revision is never written again:
// every write to a revision is conditional on `publishedAt: null`.
import { getDb } from "~/db/client.server";
import type { Tx } from "~/db/transaction.server";
import type { Language } from "~/i18n/config";
import { changedFields, setChanges } from "~/domain/notice/changes";
import { instantToLocalDateTime, localDateTimeToInstant } from "~/domain/notice/desk-time";
import type { AffectedGroupInput, DataCategoryInput, RevisionDraft } from "~/domain/notice/editor-schemas";
import {
  allowedKinds,
  defaultKind,
  isNoticeKind,
  nextRevisionNumber,
  type NoticeKind,
} from "~/domain/notice/revision-kind";
import type { StaffIdentity } from "~/models/staff-session.server";
import { clientHash } from "~/utils/client-address.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { appendAudit } from "./audit.server";
import type { RevisionView } from "./notice.server";

/** Who makes a change, as the audit log records them. */
export interface EditorActor {
  id: string;
  email: string;
  clientHash: string;
}

export function editorActor(staff: StaffIdentity, clientAddress: string): EditorActor {
  return { id: staff.id, email: staff.email, clientHash: clientHash(clientAddress) };
}

async function audit(
  tx: Tx,
  actor: EditorActor,
  action: string,
  target: { type: string; id: string },
  details: Record<string, unknown>
) {
  await appendAudit(tx, {
    actor: { id: actor.id, email: actor.email },
    action,
    target,
    clientHash: actor.clientHash,
    result: "ok",
    details,
  });
}

// ---------------------------------------------------------------------------------------
// Revisions

const TEXT_FIELDS = [
  "titleJa",
  "titleEn",
  "summaryJa",
  "summaryEn",
  "actionsTakenJa",
  "actionsTakenEn",
  "customerActionsJa",
  "customerActionsEn",
] as const;

const revisionSelect = {
  id: true,
  number: true,
  kind: true,
  titleJa: true,
  titleEn: true,
  summaryJa: true,
  summaryEn: true,
  actionsTakenJa: true,
  actionsTakenEn: true,
  customerActionsJa: true,
  customerActionsEn: true,
  publishedAt: true,
  timeline: { orderBy: { occurredAt: "asc" }, select: { occurredAt: true, textJa: true, textEn: true } },
} as const;

type RevisionRow = {
  id: string;
  number: number;
  kind: string;
  publishedAt: Date | null;
  timeline: Array<{ occurredAt: Date; textJa: string; textEn: string }>;
} & Record<(typeof TEXT_FIELDS)[number], string>;

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
export async function listRevisionsForStaff(): Promise<StaffRevision[]> {
  const rows = await getDb().noticeRevision.findMany({
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

export async function getDraftingState(): Promise<DraftingState> {
  return draftingState(getDb());
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
export async function getRevisionForStaff(number: number, timeZone: string): Promise<StaffRevisionDetail | null> {
  const row = await getDb().noticeRevision.findUnique({ where: { number }, select: revisionSelect });
  return row ? { number: row.number, publishedAt: row.publishedAt, draft: toDraft(row, timeZone) } : null;
}

/**
 * What a new draft starts from: the texts and timeline of the given published revision,
 * or of the latest one, with the kind set for what comes next.
 */
export async function getNewDraftValues(
  basedOn: number | null,
  state: DraftingState,
  timeZone: string
): Promise<{ basedOn: { number: number; kind: NoticeKind } | null; draft: Partial<RevisionDraft> }> {
  const publishedRevision = (number?: number) =>
    getDb().noticeRevision.findFirst({
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

export type CreateDraftOutcome =
  | { status: "created"; number: number }
  | { status: "draft-exists"; number: number }
  | { status: "kind-not-allowed" };

/** Starts the one draft; it takes the next number now, so numbers stay unique. */
export async function createDraft(
  actor: EditorActor,
  draft: RevisionDraft,
  timeZone: string
): Promise<CreateDraftOutcome> {
  try {
    return await insertDraft(actor, draft, timeZone);
  } catch (error) {
    // Two drafts started at the same instant (PostgreSQL, read committed): both saw no
    // draft and took the same number; the unique number let one through.
    const existing = isUniqueViolation(error) ? (await getDraftingState()).draft : null;
    if (existing) return { status: "draft-exists", number: existing.number };
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

async function insertDraft(actor: EditorActor, draft: RevisionDraft, timeZone: string): Promise<CreateDraftOutcome> {
  return getDb().$transaction(async (tx) => {
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
      }
    );
    return { status: "created", number: created.number } as const;
  });
}

export type UpdateDraftOutcome =
  | { status: "updated"; changed: string[] }
  | { status: "unchanged" }
  | { status: "not-found" }
  | { status: "published" }
  | { status: "kind-not-allowed" };

export async function updateDraft(
  actor: EditorActor,
  number: number,
  draft: RevisionDraft,
  timeZone: string
): Promise<UpdateDraftOutcome> {
  return getDb().$transaction(async (tx): Promise<UpdateDraftOutcome> => {
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
  | { status: "published"; number: number }
  | { status: "not-found" }
  | { status: "already-published" }
  | { status: "kind-not-allowed" };

/** Publishes the draft: from now on it is read-only and the public pages show it. */
export async function publishDraft(actor: EditorActor, number: number, now: Date): Promise<PublishOutcome> {
  return getDb().$transaction(async (tx): Promise<PublishOutcome> => {
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
      }
    );
    return { status: "published", number };
  });
}

/**
 * A draft rendered as the public page will render it once published now: the same
 * Markdown renderer (ADR 004), the same view shape, in each language.
 */
export function previewRevision(
  draft: RevisionDraft,
  number: number,
  publishedAt: Date,
  timeZone: string
): Record<Language, RevisionView> {
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

// ---------------------------------------------------------------------------------------
// Affected groups and data categories

export async function listGroupsForStaff() {
  return getDb().affectedGroup.findMany({
    orderBy: { position: "asc" },
    select: {
      id: true,
      key: true,
      nameJa: true,
      nameEn: true,
      _count: { select: { exposures: true } },
      categories: {
        orderBy: { category: { position: "asc" } },
        select: { category: { select: { id: true, key: true, labelJa: true, labelEn: true } } },
      },
    },
  });
}

export async function listCategoriesForStaff() {
  return getDb().dataCategory.findMany({
    orderBy: { position: "asc" },
    select: {
      id: true,
      key: true,
      labelJa: true,
      labelEn: true,
      groups: {
        orderBy: { group: { position: "asc" } },
        select: { group: { select: { nameJa: true, nameEn: true } } },
      },
    },
  });
}

/** The categories a group may be given, for the checkboxes of its form. */
export async function listCategoryChoices() {
  return getDb().dataCategory.findMany({
    orderBy: { position: "asc" },
    select: { id: true, key: true, labelJa: true, labelEn: true },
  });
}

export async function getGroupForEdit(id: string): Promise<(AffectedGroupInput & { id: string }) | null> {
  const group = await getDb().affectedGroup.findUnique({
    where: { id },
    select: {
      id: true,
      key: true,
      nameJa: true,
      nameEn: true,
      descriptionJa: true,
      descriptionEn: true,
      categories: { select: { categoryId: true } },
    },
  });
  if (!group) return null;
  const { categories, ...fields } = group;
  return { ...fields, categoryIds: categories.map((link) => link.categoryId) };
}

export async function getCategoryForEdit(id: string): Promise<(DataCategoryInput & { id: string }) | null> {
  return getDb().dataCategory.findUnique({
    where: { id },
    select: { id: true, key: true, labelJa: true, labelEn: true, recommendedActionJa: true, recommendedActionEn: true },
  });
}

export type SaveOutcome =
  | { status: "saved"; id: string }
  | { status: "unchanged"; id: string }
  | { status: "not-found" }
  | { status: "key-taken" }
  | { status: "unknown-categories" };

async function categoriesExist(tx: Tx, ids: string[]): Promise<{ ok: boolean; keys: Map<string, string> }> {
  const unique = [...new Set(ids)];
  const rows = await tx.dataCategory.findMany({ where: { id: { in: unique } }, select: { id: true, key: true } });
  return { ok: rows.length === unique.length, keys: new Map(rows.map((row) => [row.id, row.key])) };
}

export async function createGroup(actor: EditorActor, input: AffectedGroupInput): Promise<SaveOutcome> {
  return getDb().$transaction(async (tx): Promise<SaveOutcome> => {
    if (await tx.affectedGroup.findUnique({ where: { key: input.key }, select: { id: true } }))
      return { status: "key-taken" };
    const categories = await categoriesExist(tx, input.categoryIds);
    if (!categories.ok) return { status: "unknown-categories" };
    const last = await tx.affectedGroup.aggregate({ _max: { position: true } });
    const { categoryIds, ...fields } = input;
    const group = await tx.affectedGroup.create({
      data: {
        ...fields,
        position: (last._max.position ?? -1) + 1,
        categories: { create: [...categories.keys.keys()].map((categoryId) => ({ categoryId })) },
      },
      select: { id: true },
    });
    await audit(
      tx,
      actor,
      "notice.group.create",
      { type: "affected-group", id: group.id },
      {
        key: input.key,
        categories: [...categories.keys.values()].sort(),
      }
    );
    return { status: "saved", id: group.id };
  });
}

export async function updateGroup(actor: EditorActor, id: string, input: AffectedGroupInput): Promise<SaveOutcome> {
  return getDb().$transaction(async (tx): Promise<SaveOutcome> => {
    const before = await tx.affectedGroup.findUnique({
      where: { id },
      select: {
        key: true,
        nameJa: true,
        nameEn: true,
        descriptionJa: true,
        descriptionEn: true,
        categories: { select: { category: { select: { id: true, key: true } } } },
      },
    });
    if (!before) return { status: "not-found" };
    const clash = await tx.affectedGroup.findUnique({ where: { key: input.key }, select: { id: true } });
    if (clash && clash.id !== id) return { status: "key-taken" };
    const categories = await categoriesExist(tx, input.categoryIds);
    if (!categories.ok) return { status: "unknown-categories" };
    const { categoryIds, ...fields } = input;
    const { categories: linked, ...previous } = before;
    const changed = changedFields(previous, fields);
    const links = setChanges(
      linked.map((link) => link.category.key),
      [...categories.keys.values()]
    );
    if (changed.length === 0 && links.added.length === 0 && links.removed.length === 0)
      return { status: "unchanged", id };
    await tx.affectedGroup.update({ where: { id }, data: fields, select: { id: true } });
    await tx.affectedGroupCategory.deleteMany({
      where: { groupId: id, categoryId: { notIn: [...categories.keys.keys()] } },
    });
    const current = new Set(linked.map((link) => link.category.id));
    await tx.affectedGroupCategory.createMany({
      data: [...categories.keys.keys()]
        .filter((categoryId) => !current.has(categoryId))
        .map((categoryId) => ({ groupId: id, categoryId })),
    });
    await audit(
      tx,
      actor,
      "notice.group.update",
      { type: "affected-group", id },
      {
        key: input.key,
        changed,
        categoriesAdded: links.added,
        categoriesRemoved: links.removed,
      }
    );
    return { status: "saved", id };
  });
}

export async function createCategory(actor: EditorActor, input: DataCategoryInput): Promise<SaveOutcome> {
  return getDb().$transaction(async (tx): Promise<SaveOutcome> => {
    if (await tx.dataCategory.findUnique({ where: { key: input.key }, select: { id: true } }))
      return { status: "key-taken" };
    const last = await tx.dataCategory.aggregate({ _max: { position: true } });
    const category = await tx.dataCategory.create({
      data: { ...input, position: (last._max.position ?? -1) + 1 },
      select: { id: true },
    });
    await audit(tx, actor, "notice.category.create", { type: "data-category", id: category.id }, { key: input.key });
    return { status: "saved", id: category.id };
  });
}

export async function updateCategory(actor: EditorActor, id: string, input: DataCategoryInput): Promise<SaveOutcome> {
  return getDb().$transaction(async (tx): Promise<SaveOutcome> => {
    const before = await tx.dataCategory.findUnique({
      where: { id },
      select: { key: true, labelJa: true, labelEn: true, recommendedActionJa: true, recommendedActionEn: true },
    });
    if (!before) return { status: "not-found" };
    const clash = await tx.dataCategory.findUnique({ where: { key: input.key }, select: { id: true } });
    if (clash && clash.id !== id) return { status: "key-taken" };
    const changed = changedFields(before, input);
    if (changed.length === 0) return { status: "unchanged", id };
    await tx.dataCategory.update({ where: { id }, data: input, select: { id: true } });
    await audit(tx, actor, "notice.category.update", { type: "data-category", id }, { key: input.key, changed });
    return { status: "saved", id };
  });
}

/** What a deletion would touch: how many customers' records use it, and (for a category) which groups list it. */
export interface Usage {
  id: string;
  key: string;
  nameJa: string;
  nameEn: string;
  customers: number;
  groups: Array<{ nameJa: string; nameEn: string }>;
}

async function groupUsage(db: Tx, id: string): Promise<Usage | null> {
  const group = await db.affectedGroup.findUnique({
    where: { id },
    select: { id: true, key: true, nameJa: true, nameEn: true, _count: { select: { exposures: true } } },
  });
  if (!group) return null;
  // One exposure per customer and group (a unique pair), so exposures count customers.
  return {
    id,
    key: group.key,
    nameJa: group.nameJa,
    nameEn: group.nameEn,
    customers: group._count.exposures,
    groups: [],
  };
}

async function categoryUsage(db: Tx, id: string): Promise<Usage | null> {
  const category = await db.dataCategory.findUnique({
    where: { id },
    select: {
      id: true,
      key: true,
      labelJa: true,
      labelEn: true,
      groups: {
        orderBy: { group: { position: "asc" } },
        select: { group: { select: { nameJa: true, nameEn: true } } },
      },
    },
  });
  if (!category) return null;
  const customers = await db.customer.count({
    where: { exposures: { some: { categories: { some: { categoryId: id } } } } },
  });
  return {
    id,
    key: category.key,
    nameJa: category.labelJa,
    nameEn: category.labelEn,
    customers,
    groups: category.groups.map((link) => link.group),
  };
}

export const getGroupUsage = (id: string) => groupUsage(getDb(), id);
export const getCategoryUsage = (id: string) => categoryUsage(getDb(), id);

export type DeleteOutcome = { status: "deleted" } | { status: "not-found" } | { status: "in-use"; customers: number };

/** Refused while any customer's exposure refers to the group (checked here, not left to the foreign key). */
export async function deleteGroup(actor: EditorActor, id: string): Promise<DeleteOutcome> {
  return getDb().$transaction(async (tx): Promise<DeleteOutcome> => {
    const usage = await groupUsage(tx, id);
    if (!usage) return { status: "not-found" };
    if (usage.customers > 0) return { status: "in-use", customers: usage.customers };
    await tx.affectedGroup.delete({ where: { id }, select: { id: true } });
    await audit(
      tx,
      actor,
      "notice.group.delete",
      { type: "affected-group", id },
      { key: usage.key, nameJa: usage.nameJa }
    );
    return { status: "deleted" };
  });
}

/** Refused while any customer's exposure lists the category; groups that list it lose it. */
export async function deleteCategory(actor: EditorActor, id: string): Promise<DeleteOutcome> {
  return getDb().$transaction(async (tx): Promise<DeleteOutcome> => {
    const usage = await categoryUsage(tx, id);
    if (!usage) return { status: "not-found" };
    if (usage.customers > 0) return { status: "in-use", customers: usage.customers };
    await tx.dataCategory.delete({ where: { id }, select: { id: true } });
    await audit(
      tx,
      actor,
      "notice.category.delete",
      { type: "data-category", id },
      {
        key: usage.key,
        labelJa: usage.nameJa,
        removedFromGroups: usage.groups.map((group) => group.nameJa),
      }
    );
    return { status: "deleted" };
  });
}

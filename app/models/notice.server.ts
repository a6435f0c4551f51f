// The published incident notice: revisions (never edited once published, only
// superseded), their timelines, and the data exposed per affected group.
import { getDb } from "~/db/client.server";
import type { DbHandle } from "~/db/transaction.server";
import type { Language } from "~/i18n/config";
import { renderMarkdown } from "~/utils/markdown.server";
import type { NoticeKind } from "~/domain/notice/revision-kind";

export interface RevisionSummary {
  number: number;
  kind: NoticeKind;
  title: string;
  publishedAt: string;
}

export interface RevisionView extends RevisionSummary {
  summaryHtml: string;
  actionsTakenHtml: string;
  customerActionsHtml: string;
  timeline: Array<{ occurredAt: string; text: string }>;
}

export interface AffectedGroupView {
  key: string;
  name: string;
  description: string;
  categories: Array<{ key: string; label: string; recommendedAction: string }>;
}

/** Every column of a revision and its timeline; shared with the staff editor. */
export const revisionSelect = {
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

const summarySelect = { number: true, kind: true, titleJa: true, titleEn: true, publishedAt: true } as const;

type SummaryRow = { number: number; kind: string; titleJa: string; titleEn: string; publishedAt: Date | null };

function toSummary(row: SummaryRow, language: Language): RevisionSummary {
  return {
    number: row.number,
    kind: row.kind as NoticeKind,
    title: language === "ja" ? row.titleJa : row.titleEn,
    publishedAt: (row.publishedAt ?? new Date(0)).toISOString(),
  };
}

// A published revision never changes, so its rendered HTML is kept for the life of
// the process: a rush on the notice page doesn't re-render Markdown per request.
const renderedRevisions = new Map<string, RevisionView>();

export type RevisionRow = SummaryRow & {
  id: string;
  summaryJa: string;
  summaryEn: string;
  actionsTakenJa: string;
  actionsTakenEn: string;
  customerActionsJa: string;
  customerActionsEn: string;
  timeline: Array<{ occurredAt: Date; textJa: string; textEn: string }>;
};

function toRevisionView(row: RevisionRow, language: Language): RevisionView {
  const cacheKey = `${row.id}:${language}`;
  const cached = renderedRevisions.get(cacheKey);
  if (cached) return cached;
  const ja = language === "ja";
  const view: RevisionView = {
    ...toSummary(row, language),
    summaryHtml: renderMarkdown(ja ? row.summaryJa : row.summaryEn),
    actionsTakenHtml: renderMarkdown(ja ? row.actionsTakenJa : row.actionsTakenEn),
    customerActionsHtml: renderMarkdown(ja ? row.customerActionsJa : row.customerActionsEn),
    timeline: row.timeline.map((entry) => ({
      occurredAt: entry.occurredAt.toISOString(),
      text: ja ? entry.textJa : entry.textEn,
    })),
  };
  renderedRevisions.set(cacheKey, view);
  return view;
}

const published = { publishedAt: { not: null } } as const;

/** Every published revision, newest first. */
export async function listPublishedRevisions(language: Language, db: DbHandle = getDb()): Promise<RevisionSummary[]> {
  const rows = await db.noticeRevision.findMany({
    where: published,
    orderBy: { number: "desc" },
    select: summarySelect,
  });
  return rows.map((row) => toSummary(row, language));
}

export async function getLatestRevision(language: Language, db: DbHandle = getDb()): Promise<RevisionView | null> {
  const row = await db.noticeRevision.findFirst({
    where: published,
    orderBy: { number: "desc" },
    select: revisionSelect,
  });
  return row ? toRevisionView(row, language) : null;
}

export async function getPublishedRevision(number: number, language: Language, db: DbHandle = getDb()): Promise<RevisionView | null> {
  const row = await db.noticeRevision.findFirst({
    where: { ...published, number },
    select: revisionSelect,
  });
  return row ? toRevisionView(row, language) : null;
}

export async function getAffectedGroups(language: Language, db: DbHandle = getDb()): Promise<AffectedGroupView[]> {
  const groups = await db.affectedGroup.findMany({
    orderBy: { position: "asc" },
    select: {
      key: true,
      nameJa: true,
      nameEn: true,
      descriptionJa: true,
      descriptionEn: true,
      categories: {
        orderBy: { category: { position: "asc" } },
        select: {
          category: {
            select: {
              key: true,
              labelJa: true,
              labelEn: true,
              recommendedActionJa: true,
              recommendedActionEn: true,
            },
          },
        },
      },
    },
  });
  const ja = language === "ja";
  return groups.map((group) => ({
    key: group.key,
    name: ja ? group.nameJa : group.nameEn,
    description: ja ? group.descriptionJa : group.descriptionEn,
    categories: group.categories.map(({ category }) => ({
      key: category.key,
      label: ja ? category.labelJa : category.labelEn,
      recommendedAction: ja ? category.recommendedActionJa : category.recommendedActionEn,
    })),
  }));
}

// The staff queue: one page of inquiries under the filters, the counts per status, and how
// each row stands against its due time. Every order has an index (prisma/models.prisma),
// and the page after a cursor starts at the cursor in that index: page 400 costs what
// page one does.
import type { Prisma } from "~/generated/sqlite/client";
import { getDb } from "~/db/client.server";
import type { DbHandle } from "~/db/transaction.server";
import { INQUIRY_STATUSES, isInquiryStatus, type InquiryCategory, type InquiryStatus, categoryOf, statusOf } from "~/domain/inquiries/categories";
import { QUEUE_PAGE_SIZE, queueOrder, type QueueFilter } from "~/domain/inquiries/queue-filter";
import type { QueueCursor } from "~/domain/queue-cursor";
import { slaStanding, type SlaStanding } from "~/domain/inquiries/sla";
import { getChannelHours } from "./channel-hours.server";

export interface QueueRow {
  reference: string;
  category: InquiryCategory;
  language: string;
  status: InquiryStatus;
  assignee: string | null;
  dueAt: string | null;
  standing: SlaStanding;
  lastActivityAt: string;
  createdAt: string;
}

export interface QueuePage {
  rows: QueueRow[];
  next: QueueCursor | null;
  /** Of the whole queue, whatever the filters: the desk's state at a glance (ADR 012). */
  counts: Record<InquiryStatus, number>;
  overdue: number;
}

type Where = Prisma.InquiryWhereInput;

/** The filters that narrow the set; the status filter and the cursor are added by the caller. */
function narrowing(filter: QueueFilter, viewerId: string): Where {
  const where: Where = {};
  if (filter.category) where.category = filter.category;
  if (filter.language) where.language = filter.language;
  if (filter.assignee) where.assigneeId = filter.assignee === "me" ? viewerId : filter.assignee === "none" ? null : filter.assignee;
  return where;
}

function statusWhere(filter: QueueFilter, now: Date): Where {
  // dueAt is set exactly while an answer is owed (new, open): the due-time index serves "owed".
  if (filter.overdue) return { dueAt: { lt: now }, ...(filter.status === "new" || filter.status === "open" ? { status: filter.status } : {}) };
  if (filter.status === "owed") return { dueAt: { not: null } };
  if (filter.status === "all") return {};
  return { status: filter.status };
}

function cursorWhere(filter: QueueFilter): Where {
  const cursor = filter.cursor;
  if (!cursor) return {};
  // The range condition lets the index start at the cursor; the OR breaks ties by id.
  return queueOrder(filter) === "due"
    ? { AND: [{ dueAt: { gte: cursor.at } }, { OR: [{ dueAt: { gt: cursor.at } }, { id: { gt: cursor.id } }] }] }
    : { AND: [{ lastActivityAt: { lte: cursor.at } }, { OR: [{ lastActivityAt: { lt: cursor.at } }, { id: { lt: cursor.id } }] }] };
}

export async function getQueuePage(filter: QueueFilter, viewerId: string, now = new Date(), db: DbHandle = getDb()): Promise<QueuePage> {
  const base = narrowing(filter, viewerId);
  const order = queueOrder(filter);
  const [rows, grouped, overdue, hours] = await Promise.all([
    db.inquiry.findMany({
      where: { ...base, ...statusWhere(filter, now), ...cursorWhere(filter) },
      orderBy: order === "due" ? [{ dueAt: "asc" }, { id: "asc" }] : [{ lastActivityAt: "desc" }, { id: "desc" }],
      take: QUEUE_PAGE_SIZE + 1,
      select: {
        id: true,
        reference: true,
        category: true,
        language: true,
        status: true,
        dueAt: true,
        lastActivityAt: true,
        createdAt: true,
        assignee: { select: { displayName: true } },
      },
    }),
    db.inquiry.groupBy({ by: ["status"], _count: { _all: true } }),
    db.inquiry.count({ where: { dueAt: { lt: now } } }),
    getChannelHours("email", db),
  ]);
  const counts = Object.fromEntries(INQUIRY_STATUSES.map((status) => [status, 0])) as Record<InquiryStatus, number>;
  for (const group of grouped) if (isInquiryStatus(group.status)) counts[group.status] = group._count._all;
  const page = rows.slice(0, QUEUE_PAGE_SIZE);
  const last = page.at(-1);
  return {
    rows: page.map((row) => ({
      reference: row.reference,
      category: categoryOf(row.category),
      language: row.language,
      status: statusOf(row.status),
      assignee: row.assignee?.displayName ?? null,
      dueAt: row.dueAt?.toISOString() ?? null,
      standing: slaStanding(hours, row.dueAt, now),
      lastActivityAt: row.lastActivityAt.toISOString(),
      createdAt: row.createdAt.toISOString(),
    })),
    next: rows.length > QUEUE_PAGE_SIZE && last ? { at: order === "due" ? last.dueAt! : last.lastActivityAt, id: last.id } : null,
    counts,
    overdue,
  };
}

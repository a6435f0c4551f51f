// The affected groups and data categories the public notice lists, for the staff
// editor. Every change runs in one transaction with its audit entry; nothing in use by
// customers' exposures is deleted.
import { getDb } from "~/db/client.server";
import { type DbHandle, inTransaction, type Tx } from "~/db/transaction.server";
import { changedFields, setChanges } from "~/domain/notice/changes";
import type { AffectedGroupInput, DataCategoryInput } from "~/domain/notice/editor-schemas";
import { auditEditorChange as audit, type EditorActor } from "./editor-actor.server";

export async function listGroupsForStaff(db: DbHandle = getDb()) {
  return db.affectedGroup.findMany({
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

export async function listCategoriesForStaff(db: DbHandle = getDb()) {
  return db.dataCategory.findMany({
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
export async function listCategoryChoices(db: DbHandle = getDb()) {
  return db.dataCategory.findMany({
    orderBy: { position: "asc" },
    select: { id: true, key: true, labelJa: true, labelEn: true },
  });
}

export async function getGroupForEdit(id: string, db: DbHandle = getDb()): Promise<(AffectedGroupInput & { id: string }) | null> {
  const group = await db.affectedGroup.findUnique({
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

export async function getCategoryForEdit(id: string, db: DbHandle = getDb()): Promise<(DataCategoryInput & { id: string }) | null> {
  return db.dataCategory.findUnique({
    where: { id },
    select: { id: true, key: true, labelJa: true, labelEn: true, recommendedActionJa: true, recommendedActionEn: true },
  });
}

export type SaveOutcome =
  { status: "saved"; id: string } | { status: "unchanged"; id: string } | { status: "not-found" } | { status: "key-taken" } | { status: "unknown-categories" };

async function categoriesExist(tx: Tx, ids: string[]): Promise<{ ok: boolean; keys: Map<string, string> }> {
  const unique = [...new Set(ids)];
  const rows = await tx.dataCategory.findMany({ where: { id: { in: unique } }, select: { id: true, key: true } });
  return { ok: rows.length === unique.length, keys: new Map(rows.map((row) => [row.id, row.key])) };
}

export async function createGroup(actor: EditorActor, input: AffectedGroupInput, db: DbHandle = getDb()): Promise<SaveOutcome> {
  return inTransaction(db, async (tx): Promise<SaveOutcome> => {
    if (await tx.affectedGroup.findUnique({ where: { key: input.key }, select: { id: true } })) return { status: "key-taken" };
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
      },
    );
    return { status: "saved", id: group.id };
  });
}

export async function updateGroup(actor: EditorActor, id: string, input: AffectedGroupInput, db: DbHandle = getDb()): Promise<SaveOutcome> {
  return inTransaction(db, async (tx): Promise<SaveOutcome> => {
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
      [...categories.keys.values()],
    );
    if (changed.length === 0 && links.added.length === 0 && links.removed.length === 0) return { status: "unchanged", id };
    await tx.affectedGroup.update({ where: { id }, data: fields, select: { id: true } });
    await tx.affectedGroupCategory.deleteMany({
      where: { groupId: id, categoryId: { notIn: [...categories.keys.keys()] } },
    });
    const current = new Set(linked.map((link) => link.category.id));
    await tx.affectedGroupCategory.createMany({
      data: [...categories.keys.keys()].filter((categoryId) => !current.has(categoryId)).map((categoryId) => ({ groupId: id, categoryId })),
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
      },
    );
    return { status: "saved", id };
  });
}

export async function createCategory(actor: EditorActor, input: DataCategoryInput, db: DbHandle = getDb()): Promise<SaveOutcome> {
  return inTransaction(db, async (tx): Promise<SaveOutcome> => {
    if (await tx.dataCategory.findUnique({ where: { key: input.key }, select: { id: true } })) return { status: "key-taken" };
    const last = await tx.dataCategory.aggregate({ _max: { position: true } });
    const category = await tx.dataCategory.create({
      data: { ...input, position: (last._max.position ?? -1) + 1 },
      select: { id: true },
    });
    await audit(tx, actor, "notice.category.create", { type: "data-category", id: category.id }, { key: input.key });
    return { status: "saved", id: category.id };
  });
}

export async function updateCategory(actor: EditorActor, id: string, input: DataCategoryInput, db: DbHandle = getDb()): Promise<SaveOutcome> {
  return inTransaction(db, async (tx): Promise<SaveOutcome> => {
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

export const getGroupUsage = (id: string, db: DbHandle = getDb()) => groupUsage(db, id);
export const getCategoryUsage = (id: string, db: DbHandle = getDb()) => categoryUsage(db, id);

export type DeleteOutcome = { status: "deleted" } | { status: "not-found" } | { status: "in-use"; customers: number };

/** Refused while any customer's exposure refers to the group (checked here, not left to the foreign key). */
export async function deleteGroup(actor: EditorActor, id: string, db: DbHandle = getDb()): Promise<DeleteOutcome> {
  return inTransaction(db, async (tx): Promise<DeleteOutcome> => {
    const usage = await groupUsage(tx, id);
    if (!usage) return { status: "not-found" };
    if (usage.customers > 0) return { status: "in-use", customers: usage.customers };
    await tx.affectedGroup.delete({ where: { id }, select: { id: true } });
    await audit(tx, actor, "notice.group.delete", { type: "affected-group", id }, { key: usage.key, nameJa: usage.nameJa });
    return { status: "deleted" };
  });
}

/** Refused while any customer's exposure lists the category; groups that list it lose it. */
export async function deleteCategory(actor: EditorActor, id: string, db: DbHandle = getDb()): Promise<DeleteOutcome> {
  return inTransaction(db, async (tx): Promise<DeleteOutcome> => {
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
      },
    );
    return { status: "deleted" };
  });
}

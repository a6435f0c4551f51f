// Finding an inquiry or a deletion request by the reference a customer reads out on the
// phone. Only the kinds the staff member may open are looked up, so a reference of another
// kind reads as not found; opening the record is audited by its own page.
import { getDb } from "~/db/client.server";
import type { DbHandle } from "~/db/transaction.server";
import { can } from "~/domain/staff/permissions";

/** What a role finds: "inquiry", "deletion" or "any" (what its pages and messages name). */
export type FindableKind = "inquiry" | "deletion" | "any";

export interface Findable {
  inquiries: boolean;
  deletions: boolean;
  kind: FindableKind;
}

/** What `role` may find: only what it may open. */
export function findableBy(role: string): Findable {
  const inquiries = can(role, "answer:inquiry");
  const deletions = can(role, "decide:deletion");
  return { inquiries, deletions, kind: inquiries && deletions ? "any" : inquiries ? "inquiry" : "deletion" };
}

/** What the find box on a page should name for `role`; null when the role finds nothing. */
export function findsOf(role: string): FindableKind | null {
  return can(role, "find:by-reference") ? findableBy(role).kind : null;
}

/** The staff page of the first of `references` (referencesReadFrom) that is a record, or null. */
export async function findByReference(references: string[], may: Findable, db: DbHandle = getDb()): Promise<string | null> {
  for (const reference of references) {
    if (reference.startsWith("MD-") && may.inquiries && (await db.inquiry.findUnique({ where: { reference }, select: { id: true } }))) {
      return `/staff/inquiries/${reference}`;
    }
    if (reference.startsWith("DR-") && may.deletions && (await db.deletionRequest.findUnique({ where: { reference }, select: { id: true } }))) {
      return `/staff/deletions/${reference}`;
    }
  }
  return null;
}

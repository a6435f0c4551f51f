// Who makes a change in the staff editors, and the audit entry each change carries.
import type { Tx } from "~/db/transaction.server";
import type { AuditAction } from "~/domain/audit/actions";
import type { StaffIdentity } from "~/models/staff-session.server";
import { clientHash } from "~/utils/client-address.server";
import { appendAudit } from "./audit.server";

/** Who makes a change, as the audit log records them. */
export interface EditorActor {
  id: string;
  email: string;
  clientHash: string;
}

export function editorActor(staff: StaffIdentity, clientAddress: string): EditorActor {
  return { id: staff.id, email: staff.email, clientHash: clientHash(clientAddress) };
}

/** Appends the change's audit entry inside its transaction. */
export async function auditEditorChange(
  tx: Tx,
  actor: EditorActor,
  action: AuditAction,
  target: { type: string; id: string },
  details: Record<string, unknown>,
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

// An action as the reader calls it. Entries written before a code was listed keep their
// code, shown as it is.
import type { TFunction } from "i18next";
import { isAuditAction } from "~/domain/audit/actions";

export function auditActionName(code: string, t: TFunction): string {
  return isAuditAction(code) ? t(`actions.${code}`, { ns: "staff-audit" }) : code;
}

// The audit log's filters and page cursor as they arrive in a query string. One schema serves
// the filter form in the browser and the loaders on the server; its messages are i18n keys.
import * as z from "zod";

export const AUDIT_RESULTS = ["ok", "denied", "failed"] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];

// Sequences are 32-bit integers in PostgreSQL; a larger cursor would fail in the database.
const MAX_SEQUENCE = 2_147_483_647;

const LocalDateSchema = z.iso.date({ error: "staff-audit:errors.date" });

const filterFields = {
  actor: z
    .string({ error: "staff-audit:errors.actor" })
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "staff-audit:errors.actor" }))
    .optional(),
  // Action codes look like "staff.sign-in" or "audit.view".
  action: z
    .string({ error: "staff-audit:errors.action" })
    .trim()
    .regex(/^[a-z][a-z0-9.-]{0,99}$/, { error: "staff-audit:errors.action" })
    .optional(),
  result: z.enum(AUDIT_RESULTS, { error: "staff-audit:errors.result" }).optional(),
  from: LocalDateSchema.optional(),
  to: LocalDateSchema.optional(),
};

function rangeInOrder(query: { from?: string; to?: string }): boolean {
  // 'YYYY-MM-DD' strings sort as the days they name.
  return !query.from || !query.to || query.from <= query.to;
}
const RANGE_ERROR = { path: ["to"], error: "staff-audit:errors.range" };

/** What the CSV export takes: the filters only. */
export const AuditLogFiltersSchema = z.object(filterFields).refine(rangeInOrder, RANGE_ERROR);

/** What the page takes: the filters and `before`, the sequence the page starts below. */
export const AuditLogQuerySchema = z
  .object({
    ...filterFields,
    before: z
      .number({ error: "staff-audit:errors.before" })
      .int({ error: "staff-audit:errors.before" })
      .min(1, { error: "staff-audit:errors.before" })
      .max(MAX_SEQUENCE, { error: "staff-audit:errors.before" })
      .optional(),
  })
  .refine(rangeInOrder, RANGE_ERROR);

export type AuditLogFilters = z.infer<typeof AuditLogFiltersSchema>;
export type AuditLogQuery = z.infer<typeof AuditLogQuerySchema>;

/** "?actor=…&action=…" for links that keep the filters ("" when there are none). */
export function auditLogSearch(query: AuditLogQuery): string {
  const params = new URLSearchParams();
  for (const key of ["actor", "action", "result", "from", "to", "before"] as const) {
    const value = query[key];
    if (value !== undefined) params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : "";
}

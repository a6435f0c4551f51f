// The audit log as a CSV file, with the page's filters, streamed a batch at a time so a long
// log never sits in memory. Downloading is itself logged, with the filters used.
import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { getConfig } from "~/config.server";
import { auditCsvChunks, byteStream, exportFileName, type CsvLabels } from "~/domain/audit/csv-export";
import { auditLogFilter } from "~/domain/audit/log-filter";
import { AuditLogFiltersSchema } from "~/domain/audit/log-query";
import { i18next } from "~/i18n/i18next.server";
import { recordAudit } from "~/models/audit.server";
import { auditLogBatches } from "~/models/audit-log.server";
import { clientHash } from "~/utils/client-address.server";
import { requireStaffForFile } from "~/utils/guards.server";

const BATCH_SIZE = 1_000;

export async function loader(args: LoaderFunctionArgs) {
  const staff = await requireStaffForFile(args, "read:audit-log");
  const { searchParams } = new URL(args.request.url);
  const submission = parseWithZod(searchParams, { schema: AuditLogFiltersSchema });
  // The page explains bad filters next to their fields, in the reader's language.
  if (submission.status !== "success") throw redirect(`/staff/audit?${searchParams}`);
  const filters = submission.value;

  await recordAudit({
    actor: staff,
    action: "audit.export",
    clientHash: clientHash(args.context.clientAddress),
    result: "ok",
    details: filters,
  });
  const t = await i18next.getFixedT(args.request, "staff-audit");
  const timeZone = getConfig().DESK_TIME_ZONE;
  const labels: CsvLabels = {
    heading: (column) => t(`csv.${column}`, { timeZone }),
    system: t("system"),
    // The page's words for the results; a code it doesn't know is written as it is.
    result: (code) => t(`result.${code}`, { defaultValue: code }),
  };
  const chunks = auditCsvChunks(auditLogBatches(auditLogFilter(filters, timeZone), BATCH_SIZE), labels, timeZone);
  return new Response(byteStream(chunks), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(new Date(), timeZone)}"`,
      "Cache-Control": "no-store",
    },
  });
}

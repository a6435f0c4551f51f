// Every figure of the dashboard for a period, as a CSV file in the reader's language. The
// download is a staff action like any other: it is in the audit log with its period.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { getConfig } from "~/config.server";
import { deskTimestamp } from "~/domain/audit/csv-export";
import { figuresCsv, figuresFileName, type FigureLabels } from "~/domain/dashboard/csv";
import { periodQuery } from "~/domain/dashboard/period-query";
import { i18next } from "~/i18n/i18next.server";
import { recordAudit } from "~/models/audit.server";
import { readFigures } from "~/models/dashboard/figures.server";
import { clientHash } from "~/utils/client-address.server";
import { requireStaffForFile } from "~/utils/guards.server";

export async function loader(args: LoaderFunctionArgs) {
  const staff = await requireStaffForFile(args, "export:reports");
  const { searchParams } = new URL(args.request.url);
  const timeZone = getConfig().DESK_TIME_ZONE;
  const now = new Date();
  const query = periodQuery(searchParams, now, timeZone);
  // The dashboard explains a bad period next to its fields, in the reader's language.
  if (!query.valid) throw redirect(`/staff?${searchParams}`);
  const { period } = query;
  await recordAudit({
    actor: staff,
    action: "report.export-figures",
    clientHash: clientHash(args.context.clientAddress),
    result: "ok",
    details: { from: period.from, to: period.to },
  });
  const figures = await readFigures({ period, timeZone, now, sections: { inquiries: true, everything: true } });
  const language = await i18next.getLocale(args.request);
  const t = await i18next.getFixedT(args.request, "dashboard");
  const labels: FigureLabels = {
    heading: (column) => t(`csv.${column}`),
    section: (section) => (section === "period" ? t("csv.meta") : t(`${section}.heading`)),
    label: (key, values) => t(key, { ...values, timeZone }),
    groupName: (named) => (language === "ja" ? named.nameJa : named.nameEn),
  };
  return new Response(figuresCsv(figures, labels, deskTimestamp(now, timeZone)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${figuresFileName(figures)}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

// The deletion manifest as a file for the company's other systems: JSON Lines (one entry per
// line, as posted to the webhook) or CSV. Each download is audited.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { byteStream } from "~/domain/audit/csv-export";
import { recordAudit } from "~/models/audit.server";
import { manifestChunks } from "~/models/deletions/manifest.server";
import { clientHash } from "~/utils/client-address.server";
import { requireStaffForFile } from "~/utils/guards.server";

export async function loader(args: LoaderFunctionArgs) {
  const staff = await requireStaffForFile(args, "decide:deletion");
  const format = new URL(args.request.url).searchParams.get("format") === "csv" ? "csv" : "jsonl";
  await recordAudit({
    actor: staff,
    action: "deletion.manifest-export",
    clientHash: clientHash(args.context.clientAddress),
    result: "ok",
    details: { format },
  });
  return new Response(byteStream(manifestChunks(format)), {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/jsonl; charset=utf-8",
      "Content-Disposition": `attachment; filename="deletion-manifest.${format}"`,
      "Cache-Control": "no-store",
    },
  });
}

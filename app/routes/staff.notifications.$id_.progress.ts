// Where a notification's sending stands, as JSON, for its page to refresh the figures every
// second without reloading the page (which would take away what the officer was reading).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCampaign } from "~/models/notifications/campaigns.server";
import { campaignProgress } from "~/models/notifications/recipients.server";
import { requireStaff } from "~/utils/guards.server";
import { notFound } from "~/utils/http-errors.server";

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args, "notify:affected");
  const campaign = await getCampaign(args.params.id ?? "");
  if (!campaign) throw notFound();
  return Response.json(
    { status: campaign.status, version: campaign.version, progress: await campaignProgress(campaign) },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

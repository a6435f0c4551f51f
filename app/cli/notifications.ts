// `npm run notifications`: where each notification to affected people stands (ADR 031): its
// status, how many are sent of how many in the list, waiting, failed, left out, and the time
// left at its pace. With --watch it follows the ones sending until none is, a line a second.
// It reads counts only: no address or name is unsealed.
import { loadConfigOrExit } from "~/config.server";
import { getDb } from "~/db/client.server";
import { i18next, terminalLanguage } from "~/i18n/i18next.server";
import { listCampaigns, type CampaignView } from "~/models/notifications/campaigns.server";
import { campaignProgress } from "~/models/notifications/recipients.server";
import { readCommandLine } from "./command-line";

const language = terminalLanguage();
const t = await i18next.getFixedT(language, "staff-notifications");
const { values } = readCommandLine(t("cli.usage"), { watch: { type: "boolean" } }, 0);
loadConfigOrExit(2);

const stop = new AbortController();
process.on("SIGINT", () => stop.abort());
const number = (value: number) => value.toLocaleString(language);

async function describe(campaign: CampaignView): Promise<string> {
  const subject = (language === "ja" ? campaign.texts.subjectJa : campaign.texts.subjectEn) || t("list.untitled");
  const progress = await campaignProgress(campaign);
  const head = `[${t(`status.${campaign.status}`)}] ${subject} (${campaign.id})`;
  if (!progress) return head;
  const { counts, minutesLeft } = progress;
  const figures = t("cli.figures", {
    sent: number(counts.sent),
    inList: number(campaign.inList),
    waiting: number(counts.waiting),
    queued: number(counts.queued),
    bounced: number(counts.bounced),
    failed: number(counts.failed),
    leftOut: number(campaign.leftOut + counts["left-out"]),
  });
  const left = minutesLeft === null ? "" : ` ${t("progress.timeLeft", { count: minutesLeft })}`;
  return `${head}\n  ${figures}${left}`;
}

try {
  for (;;) {
    const campaigns = await listCampaigns();
    const shown = values.watch ? campaigns.filter((campaign) => campaign.status === "sending" || campaign.status === "paused") : campaigns;
    if (campaigns.length === 0) console.log(t("list.empty"));
    for (const campaign of shown) console.log(await describe(campaign));
    if (!values.watch || stop.signal.aborted || !shown.some((campaign) => campaign.status === "sending")) break;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
} finally {
  await getDb().$disconnect();
}

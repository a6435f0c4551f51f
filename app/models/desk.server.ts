import { getConfig } from "~/config.server";
import { getDb } from "~/db/client.server";
import type { DbHandle } from "~/db/transaction.server";
import { channelView, type ChannelKind, type ChannelView } from "~/domain/desk/desk-view";
import type { Language } from "~/i18n/config";
import { SCHEDULES_SELECT } from "./inquiries/channel-hours.server";

export interface DeskView {
  timeZone: string;
  channels: ChannelView[];
}

/** Every channel with its hours, as the desk block on each public page shows them. */
export async function getDeskView(language: Language, now = new Date(), db: DbHandle = getDb()): Promise<DeskView> {
  const timeZone = getConfig().DESK_TIME_ZONE;
  const [channels, sharedClosures] = await Promise.all([
    db.channel.findMany({
      orderBy: { position: "asc" },
      select: {
        key: true,
        kind: true,
        nameJa: true,
        nameEn: true,
        contact: true,
        schedules: SCHEDULES_SELECT,
        closures: { select: { startsOn: true, endsOn: true, reasonJa: true, reasonEn: true } },
      },
    }),
    // Closures without a channel close the whole desk.
    db.closure.findMany({
      where: { channelId: null },
      select: { startsOn: true, endsOn: true, reasonJa: true, reasonEn: true },
    }),
  ]);
  const reasonIn = (closure: { reasonJa: string; reasonEn: string }) => (language === "ja" ? closure.reasonJa : closure.reasonEn);
  return {
    timeZone,
    channels: channels.map((channel) =>
      channelView(
        {
          key: channel.key,
          kind: channel.kind as ChannelKind,
          name: language === "ja" ? channel.nameJa : channel.nameEn,
          contact: channel.contact,
          schedules: channel.schedules,
          closures: [...channel.closures, ...sharedClosures].map((closure) => ({
            startsOn: closure.startsOn,
            endsOn: closure.endsOn,
            reason: reasonIn(closure),
          })),
        },
        timeZone,
        now,
      ),
    ),
  };
}

// The hours of the desk's written channel (the SLA clock) and of its phone desk (call-back
// windows), as the business-hours module reads them.
import { getConfig } from "~/config.server";
import { getDb } from "~/db/client.server";
import type { DbHandle } from "~/db/transaction.server";
import type { ChannelHours } from "~/domain/business-hours";
import { toChannelHours, type ChannelKind } from "~/domain/desk/desk-view";

const CLOSURE_SELECT = { startsOn: true, endsOn: true } as const;

/** A channel's weekly schedules as the business-hours module reads them (toChannelHours). */
export const SCHEDULES_SELECT = {
  select: {
    effectiveFrom: true,
    effectiveUntil: true,
    holidayRule: true,
    intervals: { select: { day: true, opensAt: true, closesAt: true } },
  },
} as const;

/** The first channel of `kind`, with the closures of the whole desk; no hours at all if there is none. */
export async function getChannelHours(kind: ChannelKind, db: DbHandle = getDb()): Promise<ChannelHours> {
  const timeZone = getConfig().DESK_TIME_ZONE;
  const [channel, sharedClosures] = await Promise.all([
    db.channel.findFirst({
      where: { kind },
      orderBy: { position: "asc" },
      select: { schedules: SCHEDULES_SELECT, closures: { select: CLOSURE_SELECT } },
    }),
    db.closure.findMany({ where: { channelId: null }, select: CLOSURE_SELECT }),
  ]);
  if (!channel) return { timeZone, schedules: [], closures: [] };
  return toChannelHours({ schedules: channel.schedules, closures: [...channel.closures, ...sharedClosures] }, timeZone);
}

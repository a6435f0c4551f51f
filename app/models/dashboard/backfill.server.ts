// Inquiries first answered before their first response time was kept (the dashboard's
// median) get it worked out once, at setup, from the written channel's hours as they stand:
// the best record of the hours there is. Cheap when there is nothing to do: one indexed read.
import { getDb } from "~/db/client.server";
import type { DbHandle } from "~/db/transaction.server";
import { toChannelHours } from "~/domain/desk/desk-view";
import { firstResponseMinutes } from "~/domain/inquiries/sla";
import { SCHEDULES_SELECT } from "~/models/inquiries/channel-hours.server";

const BATCH = 500;

export async function fillFirstResponseMinutes(timeZone: string, db: DbHandle = getDb()): Promise<number> {
  const channel = await db.channel.findFirst({
    where: { kind: "email" },
    select: { schedules: SCHEDULES_SELECT, closures: { select: { startsOn: true, endsOn: true } } },
  });
  if (!channel) return 0;
  const hours = toChannelHours(channel, timeZone);
  let filled = 0;
  for (;;) {
    const batch = await db.inquiry.findMany({
      where: { firstAnsweredAt: { not: null }, firstResponseMinutes: null },
      select: { id: true, createdAt: true, firstAnsweredAt: true },
      take: BATCH,
    });
    if (batch.length === 0) return filled;
    for (const inquiry of batch) {
      await db.inquiry.update({
        where: { id: inquiry.id },
        data: { firstResponseMinutes: firstResponseMinutes(hours, inquiry.createdAt, inquiry.firstAnsweredAt!) },
        select: { id: true },
      });
    }
    filled += batch.length;
  }
}

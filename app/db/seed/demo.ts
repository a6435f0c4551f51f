// Demonstration data: a fictional mail-order shop (never a real company) after an
// intrusion through its contact form, shaped like the notices in shared/PRODUCT.md.
// Dates are placed relative to the day of setup so the demo always looks current:
// the first report 19 days ago, an update 5 days ago, and a change of phone hours
// announced for the first day of next month.
import { createHash } from "node:crypto";
import bcrypt from "bcrypt";
import { DateTime } from "luxon";
import type { Config } from "~/config.server";
import type { Db } from "~/db/client.server";
import { addLocalDays, localDateOf } from "~/domain/business-hours";
import { emailLookupHash, encryptField, parseKeyRing } from "~/utils/personal-data.server";
import { createDemoDeletions } from "./demo-deletions";
import { createDemoInquiries } from "./demo-inquiries";
import { CATEGORIES, GROUPS, ORGANIZATION, revisionTexts } from "./demo-texts";

const DEMO_CUSTOMERS = 300;
/**
 * The password every demo customer had on the shop's old system, as the leaked hashes
 * hold it: it never signs anyone in, and the password form refuses it (README, demo).
 */
export const DEMO_LEAKED_PASSWORD = "sakura2015";

export async function seedDemo(db: Db, now: Date, config: Pick<Config, "DESK_TIME_ZONE" | "LOOKUP_HASH_KEY" | "DATA_ENCRYPTION_KEYS">) {
  const zone = config.DESK_TIME_ZONE;
  const today = localDateOf(now, zone);
  const at = (daysFromToday: number, time: string) => DateTime.fromISO(`${addLocalDays(today, daysFromToday)}T${time}`, { zone }).toJSDate();
  const firstOfNextMonth = DateTime.fromISO(today, { zone }).plus({ months: 1 }).startOf("month").toISODate()!;
  const yearEnd = Number(today.slice(5, 7)) === 1 && Number(today.slice(8, 10)) <= 3 ? Number(today.slice(0, 4)) - 1 : Number(today.slice(0, 4));

  const revisions = revisionTexts({ at, dateOf: (days) => addLocalDays(today, days) });
  await db.$transaction(
    async (tx) => {
      await tx.organization.create({ data: { id: 1, ...ORGANIZATION } });
      for (const [index, revision] of revisions.entries()) {
        const { timeline, ...fields } = revision;
        await tx.noticeRevision.create({ data: { ...fields, number: index + 1, timeline: { create: timeline } } });
      }
      for (const [position, category] of CATEGORIES.entries()) {
        await tx.dataCategory.create({ data: { ...category, position } });
      }
      for (const [position, { categoryKeys, ...group }] of GROUPS.entries()) {
        await tx.affectedGroup.create({
          data: {
            ...group,
            position,
            categories: { create: categoryKeys.map((key) => ({ category: { connect: { key } } })) },
          },
        });
      }
      await createChannels(tx as unknown as Db, { since: addLocalDays(today, -19), firstOfNextMonth, yearEnd });
      await createCustomers(
        tx as unknown as Db,
        config,
        {
          inquiryFrom: addLocalDays(today, -34),
          inquiryUntil: addLocalDays(today, -20),
        },
        now,
      );
      await createDemoInquiries(tx as unknown as Db, parseKeyRing(config.DATA_ENCRYPTION_KEYS), config.LOOKUP_HASH_KEY, zone, now);
      await createDemoDeletions(tx as unknown as Db, config.LOOKUP_HASH_KEY, zone, now);
    },
    { timeout: 120_000 },
  ); // all or nothing: a half-seeded database would never be seeded again
  return { revisions: revisions.length, customers: DEMO_CUSTOMERS };
}

const hours = (days: number[], opens: number, closes: number) => days.map((day) => ({ day, opensAt: opens * 60, closesAt: closes * 60 }));
const WEEKDAYS = [1, 2, 3, 4, 5];
const WEEKEND = [6, 7];

async function createChannels(db: Db, dates: { since: string; firstOfNextMonth: string; yearEnd: number }) {
  const untilChange = addLocalDays(dates.firstOfNextMonth, -1);
  // The phone desk's two periods, as in the aromatherapy shop's notice: long hours
  // during the first weeks, then ordinary office hours.
  await db.channel.create({
    data: {
      key: "phone",
      kind: "phone",
      nameJa: "電話窓口",
      nameEn: "Phone desk",
      contact: "03-0000-0000",
      position: 0,
      schedules: {
        create: [
          {
            effectiveFrom: dates.since,
            effectiveUntil: untilChange,
            holidayRule: "as-weekday",
            intervals: { create: [...hours(WEEKDAYS, 9, 21), ...hours(WEEKEND, 9, 18)] },
          },
          {
            effectiveFrom: dates.firstOfNextMonth,
            effectiveUntil: null,
            holidayRule: "closed",
            intervals: { create: hours(WEEKDAYS, 9, 18) },
          },
        ],
      },
    },
  });
  await db.channel.create({
    data: {
      key: "email",
      kind: "email",
      nameJa: "メール・ポータルでのご回答",
      nameEn: "Answers by email and through this portal",
      contact: "desk@example.com",
      position: 1,
      schedules: {
        create: [{ effectiveFrom: dates.since, effectiveUntil: null, holidayRule: "closed", intervals: { create: hours(WEEKDAYS, 10, 18) } }],
      },
    },
  });
  await db.closure.create({
    data: {
      startsOn: `${dates.yearEnd}-12-29`,
      endsOn: `${dates.yearEnd + 1}-01-03`,
      reasonJa: "年末年始休業",
      reasonEn: "Year-end holidays",
    },
  });
}

const DEMO_DAY_MS = 86_400_000;
const FAMILY_NAMES = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤"];
const GIVEN_NAMES = ["花子", "太郎", "陽菜", "蓮", "結衣", "湊", "美咲", "悠真", "葵", "大翔"];

async function createCustomers(
  db: Db,
  config: Pick<Config, "LOOKUP_HASH_KEY" | "DATA_ENCRYPTION_KEYS">,
  inquiryPeriod: { inquiryFrom: string; inquiryUntil: string },
  now: Date,
) {
  const ring = parseKeyRing(config.DATA_ENCRYPTION_KEYS);
  const groups = await db.affectedGroup.findMany({
    select: { id: true, key: true, categories: { select: { categoryId: true } } },
  });
  const byKey = new Map(groups.map((group) => [group.key, group]));
  for (let n = 1; n <= DEMO_CUSTOMERS; n++) {
    const email = `customer${String(n).padStart(3, "0")}@example.com`;
    // Every customer was a member; every fourth also wrote to the shop in the exposed period.
    const memberships = n % 4 === 0 ? ["members", "inquirers"] : ["members"];
    const name = n % 3 === 0 ? null : `${FAMILY_NAMES[n % 10]} ${GIVEN_NAMES[Math.floor(n / 10) % 10]}`;
    const legacy = await demoLegacyHash(n);
    await db.customer.create({
      data: {
        externalId: `M${String(100000 + n)}`,
        emailHash: emailLookupHash(email, config.LOOKUP_HASH_KEY),
        emailCiphertext: encryptField(email, ring),
        nameCiphertext: name ? encryptField(name, ring) : null,
        // Some read their mail in English, some in Japanese; the shop never asked the rest.
        languageCiphertext: n % 10 === 1 ? encryptField("en", ring) : n % 10 === 2 ? encryptField("ja", ring) : null,
        registeredAt: new Date(Date.UTC(2015 + (n % 9), n % 12, 1 + (n % 27))),
        legacyPasswordHash: legacy.hash,
        legacyHashAlgorithm: legacy.algorithm,
        // Four in nine have already looked up what leaked, over the last three weeks (the
        // dashboard's checks); the rest are still to come, as a desk's first weeks look.
        firstCheckedAt: n % 9 < 4 ? new Date(now.getTime() - ((n * 7) % 20) * DEMO_DAY_MS - (n % 10) * 3_600_000) : null,
        exposures: {
          create: memberships.map((key) => {
            const group = byKey.get(key)!;
            const period = key === "inquirers" ? { periodFrom: inquiryPeriod.inquiryFrom, periodUntil: inquiryPeriod.inquiryUntil } : {};
            return {
              group: { connect: { id: group.id } },
              ...period,
              categories: { create: group.categories.map(({ categoryId }) => ({ category: { connect: { id: categoryId } } })) },
            };
          }),
        },
      },
    });
  }
}

/**
 * The shop's old system, as leaked systems are: most accounts with a salted MD5, the newer
 * ones with bcrypt (cost 4 keeps setup fast). The wrap job wraps them when the app starts.
 */
async function demoLegacyHash(n: number): Promise<{ hash: string; algorithm: string }> {
  if (n % 5 === 0) return { hash: await bcrypt.hash(DEMO_LEAKED_PASSWORD, 4), algorithm: "bcrypt" };
  const salt = `s${n.toString(36)}`;
  return {
    hash: `${createHash("md5")
      .update(salt + DEMO_LEAKED_PASSWORD)
      .digest("hex")}:${salt}`,
    algorithm: "md5-salt-password",
  };
}

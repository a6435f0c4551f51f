// Demonstration inquiries and reply templates, so the staff queue shows a desk at work:
// a few answers owed (one of them overdue), some waiting on the customer, some done.
// Written by demo customers; due times follow the SLA rules on the demo's written channel.
import { randomBytes } from "node:crypto";
import type { Db } from "~/db/client.server";
import { toChannelHours } from "~/domain/desk/desk-view";
import { referenceFromBytes } from "~/domain/inquiries/reference";
import { DEFAULT_SLA_TARGETS, dueAfter, firstResponseMinutes } from "~/domain/inquiries/sla";
import type { InquiryCategory, InquiryStatus } from "~/domain/inquiries/categories";
import { SCHEDULES_SELECT } from "~/models/inquiries/channel-hours.server";
import { emailLookupHash, encryptField, type KeyRing } from "~/utils/personal-data.server";

const HOUR = 60 * 60_000;

const TEMPLATES = [
  {
    titleJa: "パスワード変更のご案内",
    titleEn: "How to change your password",
    bodyJa:
      "お問い合わせいただきありがとうございます。\nこのたびはご心配をおかけし、誠に申し訳ございません。\n\nパスワードは、このサイトの「影響の確認」からメールアドレスを確認したうえで変更いただけます。ほかのサイトで同じパスワードをお使いの場合は、そちらも変更をお願いいたします。",
    bodyEn:
      'Thank you for contacting us, and we are sorry for the worry this has caused.\n\nYou can change your password on this site after confirming your address under "Am I affected?". If you used the same password elsewhere, please change it there too.',
  },
  {
    titleJa: "不審な連絡へのご注意",
    titleEn: "About suspicious mail and calls",
    bodyJa:
      "お問い合わせいただきありがとうございます。\n当社からメールや電話でパスワードやカード番号をお尋ねすることはありません。そのような連絡には応じず、この窓口までお知らせください。",
    bodyEn:
      "Thank you for letting us know.\nWe never ask for passwords or card numbers by mail or phone. Please don't respond to such messages, and tell this desk about them.",
  },
];

const INQUIRIES: Array<{
  customer: number;
  category: InquiryCategory;
  language: "ja" | "en";
  status: InquiryStatus;
  hoursAgo: number;
  message: string;
  reply?: string;
}> = [
  {
    customer: 4,
    category: "affected",
    language: "ja",
    status: "new",
    hoursAgo: 1,
    message: "お知らせのメールを受け取りました。\n私の住所も漏れたのでしょうか。",
  },
  {
    customer: 8,
    category: "suspicious-contact",
    language: "ja",
    status: "new",
    hoursAgo: 30,
    message: "御社を名乗る電話があり、カード番号を聞かれました。本物でしょうか。",
  },
  {
    customer: 12,
    category: "password",
    language: "en",
    status: "open",
    hoursAgo: 5,
    message: "I can't remember which password I used on your shop. What should I do?",
  },
  { customer: 16, category: "card", language: "ja", status: "open", hoursAgo: 3, message: "カードの明細に見覚えのない請求があります。" },
  {
    customer: 20,
    category: "deletion",
    language: "ja",
    status: "waiting",
    hoursAgo: 50,
    message: "退会して、私の情報をすべて削除してほしいです。",
    reply: "お問い合わせありがとうございます。削除のご依頼は、ご本人確認のうえ承ります。ご登録のメールアドレスで「影響の確認」をお済ませください。",
  },
  {
    customer: 24,
    category: "other",
    language: "en",
    status: "resolved",
    hoursAgo: 80,
    message: "When will the final report be published?",
    reply: "Thank you for asking. We will publish the final report on this site and let you know by mail.",
  },
  {
    customer: 28,
    category: "password",
    language: "ja",
    status: "closed",
    hoursAgo: 120,
    message: "パスワードを変更しました。これで大丈夫ですか。",
    reply: "ご対応ありがとうございます。ほかのサイトで同じパスワードをお使いでなければ、追加の対応は不要です。",
  },
];

export async function createDemoInquiries(db: Db, ring: KeyRing, lookupKey: string, timeZone: string, now: Date): Promise<void> {
  for (const [position, template] of TEMPLATES.entries()) await db.replyTemplate.create({ data: { ...template, position } });
  const channel = await db.channel.findFirstOrThrow({
    where: { kind: "email" },
    select: { schedules: SCHEDULES_SELECT, closures: { select: { startsOn: true, endsOn: true } } },
  });
  const hours = toChannelHours(channel, timeZone);
  for (const inquiry of INQUIRIES) {
    const email = `customer${String(inquiry.customer).padStart(3, "0")}@example.com`;
    const customer = await db.customer.findUniqueOrThrow({ where: { emailHash: emailLookupHash(email, lookupKey) }, select: { id: true } });
    const createdAt = new Date(now.getTime() - inquiry.hoursAgo * HOUR);
    const owed = inquiry.status === "new" || inquiry.status === "open";
    const answeredAt = inquiry.reply ? new Date(createdAt.getTime() + 2 * HOUR) : null;
    await db.inquiry.create({
      data: {
        reference: referenceFromBytes(randomBytes(5)),
        category: inquiry.category,
        language: inquiry.language,
        status: inquiry.status,
        customerId: customer.id,
        emailHash: emailLookupHash(email, lookupKey),
        emailCiphertext: encryptField(email, ring),
        contactBy: "email",
        dueAt: owed ? dueAfter(hours, createdAt, DEFAULT_SLA_TARGETS[inquiry.category].firstResponseMinutes) : null,
        dueKind: owed ? "first" : null,
        firstAnsweredAt: answeredAt,
        firstResponseMinutes: answeredAt ? firstResponseMinutes(hours, createdAt, answeredAt) : null,
        createdAt,
        lastActivityAt: answeredAt ?? createdAt,
        messages: {
          create: [
            { kind: "customer", bodyCiphertext: encryptField(inquiry.message, ring), createdAt },
            ...(inquiry.reply && answeredAt ? [{ kind: "reply", bodyCiphertext: encryptField(inquiry.reply, ring), createdAt: answeredAt }] : []),
          ],
        },
      },
    });
  }
}

// Renders a notification campaign's mail for one person (ADR 031): in their language when the
// records hold it, else Japanese and English one after the other in the same mail.
import { getConfig } from "~/config.server";
import type { CampaignTexts } from "~/domain/notifications/checklist";
import type { Language } from "~/i18n/config";
import { formatLocalDate } from "~/utils/format";
import type { MailSetting } from "./compose.server";
import { mailText, type RenderedMail } from "./mail-content";
import { mailHtml, mailHtmlInLanguages } from "./mail-html.server";
import { notificationContent, type NotificationPerson, type NotificationTexts } from "./notification-content";

/** A person as the records hold them, with the names of their groups and data in both languages. */
export interface NotificationRecord {
  name: string | null;
  /** The language they read their mail in; null when the records don't say. */
  language: Language | null;
  exposures: Array<{
    groupJa: string;
    groupEn: string;
    periodFrom: string | null;
    periodUntil: string | null;
    categories: Array<{ labelJa: string; labelEn: string; actionJa: string; actionEn: string }>;
  }>;
}

function textsIn(texts: CampaignTexts, language: Language): NotificationTexts {
  const ja = language === "ja";
  return {
    subject: ja ? texts.subjectJa : texts.subjectEn,
    intro: ja ? texts.introJa : texts.introEn,
    summary: ja ? texts.summaryJa : texts.summaryEn,
    cause: ja ? texts.causeJa : texts.causeEn,
    harm: ja ? texts.harmJa : texts.harmEn,
    other: ja ? texts.otherJa : texts.otherEn,
  };
}

function personIn(record: NotificationRecord, setting: MailSetting): NotificationPerson {
  const { language } = setting;
  const ja = language === "ja";
  const day = (date: string) => formatLocalDate(date, language, { withYear: true });
  return {
    name: record.name,
    exposures: record.exposures.map((exposure) => ({
      group: ja ? exposure.groupJa : exposure.groupEn,
      period:
        exposure.periodFrom || exposure.periodUntil
          ? `${exposure.periodFrom ? day(exposure.periodFrom) : ""} – ${exposure.periodUntil ? day(exposure.periodUntil) : ""}`
          : null,
      categories: exposure.categories.map((category) => ({
        label: ja ? category.labelJa : category.labelEn,
        action: ja ? category.actionJa : category.actionEn,
      })),
    })),
  };
}

function contentIn(texts: CampaignTexts, record: NotificationRecord, setting: MailSetting) {
  return notificationContent(textsIn(texts, setting.language), personIn(record, setting), setting.t, getConfig().PUBLIC_ORIGIN);
}

/** The mail in one language (a preview, a test mail, a person whose language is known). */
export function notificationMail(texts: CampaignTexts, record: NotificationRecord, setting: MailSetting): RenderedMail {
  const content = contentIn(texts, record, setting);
  return { subject: content.subject, text: mailText(content, setting.frame), html: mailHtml(content, setting.frame, setting.language) };
}

/** The mail a person gets: in their language, or in both when the records don't hold it. */
export function notificationMailFor(texts: CampaignTexts, record: NotificationRecord, settings: { ja: MailSetting; en: MailSetting }): RenderedMail {
  return record.language ? notificationMail(texts, record, settings[record.language]) : bilingualNotificationMail(texts, record, settings);
}

/** The mail in both languages, Japanese first: for a person whose language the records don't hold. */
export function bilingualNotificationMail(texts: CampaignTexts, record: NotificationRecord, settings: { ja: MailSetting; en: MailSetting }): RenderedMail {
  const ja = contentIn(texts, record, settings.ja);
  const en = contentIn(texts, record, settings.en);
  const subject = `${ja.subject} / ${en.subject}`;
  return {
    subject,
    text: `${mailText(ja, settings.ja.frame)}\n${"=".repeat(40)}\n\n${mailText(en, settings.en.frame)}`,
    html: mailHtmlInLanguages(subject, [
      { content: ja, frame: settings.ja.frame, language: "ja" },
      { content: en, frame: settings.en.frame, language: "en" },
    ]),
  };
}

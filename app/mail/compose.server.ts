// Turns a mail request into the subject, text and HTML that go into the outbox, in the
// recipient's language, framed by the desk's contacts and the phishing warning.
import { getConfig } from "~/config.server";
import type { Language } from "~/i18n/config";
import { i18next } from "~/i18n/i18next.server";
import { getDeskView } from "~/models/desk.server";
import { getOrganizationName } from "~/models/organization.server";
import { formatDateTime, formatWindow } from "~/utils/format";
import { mailText, type MailContent, type MailFrame, type RenderedMail } from "./mail-content";
import { mailHtml } from "./mail-html.server";

export type MailRequest =
  | { template: "check-known"; language: Language; linkUrl: string; expiresAt: Date }
  | { template: "check-unknown"; language: Language }
  | { template: "password-changed"; language: Language; changedAt: Date }
  | { template: "inquiry-confirm"; language: Language; linkUrl: string; expiresAt: Date }
  | {
      template: "inquiry-received";
      language: Language;
      reference: string;
      dueAt: Date;
      callback: { from: Date; until: Date } | null;
      linkUrl: string;
    }
  | { template: "inquiry-reply"; language: Language; reference: string; reply: string; linkUrl: string }
  | DeletionMailRequest;

/** One mail per step of a deletion request (ADR 013), each linking to its status page. */
export type DeletionMailRequest =
  | { template: "deletion-received"; language: Language; reference: string; statusUrl: string; lastDay: string }
  | { template: "deletion-approved"; language: Language; reference: string; statusUrl: string; executeAfter: Date }
  | { template: "deletion-refused"; language: Language; reference: string; statusUrl: string; ground: string; explanation: string }
  | { template: "deletion-cancelled"; language: Language; reference: string; statusUrl: string }
  | { template: "deletion-completed"; language: Language; reference: string; statusUrl: string; completedAt: Date; erased: string[] };

export type T = Awaited<ReturnType<typeof i18next.getFixedT>>;

function deletionContent(t: T, organization: string, request: DeletionMailRequest): MailContent {
  const { DESK_TIME_ZONE } = getConfig();
  const time = (date: Date) => formatDateTime(date, request.language, DESK_TIME_ZONE);
  const reference = request.reference;
  const paragraphs = ((): string[] => {
    switch (request.template) {
      case "deletion-received":
        return [t("deletion.received.body", { reference }), t("deletion.received.deadline", { date: request.lastDay }), t("deletion.cancelHint")];
      case "deletion-approved":
        return [t("deletion.approved.body", { reference }), t("deletion.approved.when", { time: time(request.executeAfter) }), t("deletion.cancelHint")];
      case "deletion-refused":
        return [t("deletion.refused.body", { reference }), t("deletion.refused.ground", { ground: request.ground })];
      case "deletion-cancelled":
        return [t("deletion.cancelled.body", { reference }), t("deletion.cancelled.again")];
      case "deletion-completed":
        return [t("deletion.completed.body", { reference, time: time(request.completedAt) }), t("deletion.completed.kept")];
    }
  })();
  const step = request.template.slice("deletion-".length);
  return {
    subject: t(`deletion.${step}.subject`, { organization, reference }),
    greeting: t(`deletion.${step}.greeting`),
    paragraphs,
    ...(request.template === "deletion-refused" ? { quote: request.explanation } : {}),
    action: { label: t("deletion.action"), url: request.statusUrl, note: t("deletion.linkNote") },
    sections: request.template === "deletion-completed" ? [{ heading: t("deletion.completed.erasedHeading"), items: request.erased }] : [],
    closing: t("deletion.notYou"),
  };
}

function content(t: T, organization: string, request: MailRequest): MailContent {
  const { PUBLIC_ORIGIN, DESK_TIME_ZONE } = getConfig();
  switch (request.template) {
    case "check-known":
      return {
        subject: t("checkKnown.subject", { organization }),
        greeting: t("checkKnown.greeting"),
        paragraphs: [t("checkKnown.intro"), t("checkKnown.found")],
        action: {
          label: t("checkKnown.action"),
          url: request.linkUrl,
          note: t("checkKnown.validity", { time: formatDateTime(request.expiresAt, request.language, DESK_TIME_ZONE) }),
        },
        sections: [],
        closing: t("checkKnown.notYou"),
      };
    case "check-unknown":
      return {
        subject: t("checkUnknown.subject", { organization }),
        greeting: t("checkUnknown.greeting"),
        paragraphs: [t("checkUnknown.intro"), t("checkUnknown.notFound"), t("checkUnknown.otherAddress")],
        action: { label: t("checkUnknown.action"), url: `${PUBLIC_ORIGIN}/check?lng=${request.language}` },
        sections: [],
        closing: `${t("checkUnknown.help")} ${t("checkUnknown.notYou")}`,
      };
    case "password-changed":
      return {
        subject: t("passwordChanged.subject", { organization }),
        greeting: t("passwordChanged.greeting"),
        paragraphs: [
          t("passwordChanged.changed", { organization, time: formatDateTime(request.changedAt, request.language, DESK_TIME_ZONE) }),
          t("passwordChanged.signedOut"),
        ],
        action: { label: t("passwordChanged.action"), url: `${PUBLIC_ORIGIN}/signin?lng=${request.language}` },
        sections: [],
        closing: t("passwordChanged.notYou"),
      };
    case "inquiry-confirm":
      return {
        subject: t("inquiryConfirm.subject", { organization }),
        greeting: t("inquiryConfirm.greeting"),
        paragraphs: [t("inquiryConfirm.intro"), t("inquiryConfirm.why")],
        action: {
          label: t("inquiryConfirm.action"),
          url: request.linkUrl,
          note: t("inquiryConfirm.validity", { time: formatDateTime(request.expiresAt, request.language, DESK_TIME_ZONE) }),
        },
        sections: [],
        closing: t("inquiryConfirm.notYou"),
      };
    case "inquiry-received": {
      const time = (date: Date) => formatDateTime(date, request.language, DESK_TIME_ZONE);
      return {
        subject: t("inquiryReceived.subject", { organization, reference: request.reference }),
        greeting: t("inquiryReceived.greeting"),
        paragraphs: [
          t("inquiryReceived.received", { reference: request.reference }),
          t("inquiryReceived.due", { time: time(request.dueAt) }),
          ...(request.callback
            ? [t("inquiryReceived.callback", formatWindow(request.callback.from, request.callback.until, request.language, DESK_TIME_ZONE))]
            : []),
        ],
        action: { label: t("inquiryReceived.action"), url: request.linkUrl, note: t("inquiryReceived.linkNote") },
        sections: [],
        closing: t("inquiryReceived.notYou"),
      };
    }
    case "inquiry-reply":
      return {
        subject: t("inquiryReply.subject", { organization, reference: request.reference }),
        greeting: t("inquiryReply.greeting"),
        paragraphs: [t("inquiryReply.intro", { reference: request.reference })],
        quote: request.reply,
        action: { label: t("inquiryReply.action"), url: request.linkUrl, note: t("inquiryReply.linkNote") },
        sections: [],
        closing: t("inquiryReply.noReplyByMail"),
      };
    default:
      return deletionContent(t, organization, request);
  }
}

/** What every mail in one language shares: its translations, the company's name and the frame of the desk's contacts. */
export interface MailSetting {
  language: Language;
  t: T;
  organization: string;
  frame: MailFrame;
}

/**
 * Read once for a batch of mails (a notification campaign's) rather than once per mail.
 * `withoutAddress`: the hours line names the desk's site instead of linking to it, for a mail
 * that asks people to open the site's address themselves.
 */
export async function mailSetting(language: Language, { withoutAddress = false } = {}): Promise<MailSetting> {
  const [t, organization, desk] = await Promise.all([i18next.getFixedT(language, "mail"), getOrganizationName(language), getDeskView(language)]);
  const frame: MailFrame = {
    contacts: [
      ...desk.channels.map((channel) => t("frame.contact", { name: channel.name, contact: channel.contact })),
      withoutAddress ? t("frame.hoursOnSite") : t("frame.hours", { url: `${getConfig().PUBLIC_ORIGIN}/?lng=${language}#desk` }),
    ],
    contactsHeading: t("frame.contactsHeading"),
    phishingWarning: t("frame.phishingWarning"),
    footer: t("frame.footer", { organization }),
  };
  return { language, t, organization, frame };
}

export async function composeMail(request: MailRequest): Promise<RenderedMail> {
  const { language, t, organization, frame } = await mailSetting(request.language);
  const body = content(t, organization, request);
  return { subject: body.subject, text: mailText(body, frame), html: mailHtml(body, frame, language) };
}

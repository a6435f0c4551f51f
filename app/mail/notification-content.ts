// The notification to each affected person (本人通知, ADR 031) as structured content: the
// officer's text in one language, what leaked for this person, and where to turn. It carries
// no link: breach notices are copied by phishers, so it asks people to open the portal's
// address themselves; the frame's warning says what the company never asks for by mail.
import type { MailContent } from "./mail-content";

/** The campaign's text in one language. */
export interface NotificationTexts {
  subject: string;
  intro: string;
  summary: string;
  cause: string;
  harm: string;
  other: string;
}

/** One person, in the same language: their name if the records hold one, and what leaked for them per group. */
export interface NotificationPerson {
  name: string | null;
  exposures: Array<{ group: string; period: string | null; categories: Array<{ label: string; action: string }> }>;
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

export function notificationContent(texts: NotificationTexts, person: NotificationPerson, translate: Translate, portalOrigin: string): MailContent {
  const leaked = person.exposures
    .map((exposure) =>
      [
        `[${exposure.group}]${exposure.period ? ` ${exposure.period}` : ""}`,
        ...exposure.categories.map((category) => translate("notification.leakedItem", { label: category.label, action: category.action })),
      ].join("\n"),
    )
    .join("\n\n");
  return {
    subject: texts.subject,
    greeting: person.name ? translate("notification.greetingNamed", { name: person.name }) : translate("notification.greeting"),
    paragraphs: [],
    passages: [
      { text: texts.intro },
      { heading: translate("notification.summary"), text: texts.summary },
      { heading: translate("notification.leaked"), text: leaked || translate("notification.leakedNone") },
      { heading: translate("notification.cause"), text: texts.cause },
      { heading: translate("notification.harm"), text: texts.harm },
      { heading: translate("notification.other"), text: texts.other },
      { heading: translate("notification.portalHeading"), text: translate("notification.portal", { origin: portalOrigin }) },
    ],
    sections: [],
  };
}

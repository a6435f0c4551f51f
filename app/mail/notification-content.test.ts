import { describe, expect, it } from "vitest";
import { mailText, type MailFrame } from "./mail-content";
import { notificationContent } from "./notification-content";

const translate = (key: string, options?: Record<string, unknown>) => (options ? `${key}(${Object.values(options).join("|")})` : key);
const frame: MailFrame = { contacts: ["Phone: 0120-000-000"], contactsHeading: "Desk", phishingWarning: "Never a password.", footer: "Example Inc." };
const texts = {
  subject: "Notice",
  intro: "We apologise.\n\nPlease read on.",
  summary: "An intrusion.",
  cause: "A flaw in the form.",
  harm: "Phishing may follow.",
  other: "Nothing else.",
};

describe("the notification to each person", () => {
  it("lists every group of theirs with each kind of data and its action, in one mail", () => {
    const person = {
      name: "山田 花子",
      exposures: [
        { group: "Members", period: null, categories: [{ label: "Email", action: "Beware of phishing" }] },
        { group: "Inquiry senders", period: "2026-10-01 – 2026-10-15", categories: [{ label: "Phone", action: "Beware of calls" }] },
      ],
    };
    const text = mailText(notificationContent(texts, person, translate, "https://desk.example"), frame);
    expect(text).toContain("notification.greetingNamed(山田 花子)");
    expect(text).toContain(
      "■ notification.leaked\n[Members]\nnotification.leakedItem(Email|Beware of phishing)\n\n[Inquiry senders] 2026-10-01 – 2026-10-15\nnotification.leakedItem(Phone|Beware of calls)",
    );
    // The law's items in their order, the officer's text kept with its line breaks.
    const order = [
      "We apologise.\n\nPlease read on.",
      "■ notification.summary\nAn intrusion.",
      "■ notification.leaked",
      "■ notification.cause\nA flaw in the form.",
      "■ notification.harm",
      "■ notification.other",
    ];
    const positions = order.map((part) => text.indexOf(part));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("names the portal's address for people to open themselves, and carries no link to follow", () => {
    const content = notificationContent(texts, { name: null, exposures: [] }, translate, "https://desk.example");
    expect(content.action).toBeUndefined();
    expect(content.greeting).toBe("notification.greeting");
    const text = mailText(content, frame);
    expect(text).toContain("notification.portal(https://desk.example)");
    expect(text).toContain("notification.leakedNone");
    expect(text).not.toMatch(/token|\?.*=/);
  });
});

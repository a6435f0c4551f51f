import { describe, expect, it } from "vitest";
import { mailText, type MailContent, type MailFrame } from "./mail-content";

const frame: MailFrame = {
  contacts: ["Phone: 0120-000-000"],
  contactsHeading: "Contact the desk",
  phishingWarning: "We never ask for your password.",
  footer: "Example Inc.",
};

describe("mailText", () => {
  it("puts the link on a line of its own and ends with the contacts and the warning", () => {
    const content: MailContent = {
      subject: "s",
      greeting: "Hello,",
      paragraphs: ["First."],
      action: { label: "Open", url: "https://desk.example/check/open?token=abc", note: "Valid 30 minutes." },
      sections: [{ heading: "Next", items: ["Change your password"] }],
    };
    const text = mailText(content, frame);
    expect(text).toContain("Open:\nhttps://desk.example/check/open?token=abc\nValid 30 minutes.");
    expect(text).toContain("Next\n- Change your password");
    expect(text.indexOf("Contact the desk")).toBeGreaterThan(text.indexOf("Next"));
    expect(text).toContain("※ We never ask for your password.");
  });

  it("leaves out the action when there is none", () => {
    const text = mailText({ subject: "s", greeting: "Hi", paragraphs: ["p"], sections: [] }, frame);
    expect(text.startsWith("Hi\n\np\n\nContact the desk")).toBe(true);
  });
});

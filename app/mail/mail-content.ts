// A mail as structured content, so its text and HTML parts say exactly the same thing
// and neither is ever assembled from strings with markup in them.

export interface MailContent {
  subject: string;
  greeting: string;
  paragraphs: string[];
  /** Longer text under a heading of its own (a notification's items), kept with its line breaks. */
  passages?: Array<{ heading?: string; text: string }>;
  /** Text someone wrote (a staff reply), kept exactly with its line breaks. */
  quote?: string;
  /** The one thing the mail asks the reader to do, if any. */
  action?: { label: string; url: string; note?: string };
  /** Lists shown after the action, e.g. what to do next. */
  sections: Array<{ heading: string; items: string[] }>;
  /** A last word before the desk's contacts ("if you didn't ask for this, ..."). */
  closing?: string;
}

export interface MailFrame {
  /** "Phone desk: 0120-…" lines from the desk's channels. */
  contacts: string[];
  contactsHeading: string;
  phishingWarning: string;
  footer: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const QUOTE_RULE = "-".repeat(40);

/** The plain-text part: what a text-only mail client shows. */
export function mailText(content: MailContent, frame: MailFrame): string {
  const blocks: string[] = [content.greeting, ...content.paragraphs];
  for (const passage of content.passages ?? []) blocks.push(passage.heading ? `■ ${passage.heading}\n${passage.text}` : passage.text);
  if (content.quote) blocks.push(`${QUOTE_RULE}\n${content.quote}\n${QUOTE_RULE}`);
  if (content.action) {
    blocks.push(`${content.action.label}:\n${content.action.url}${content.action.note ? `\n${content.action.note}` : ""}`);
  }
  for (const section of content.sections) {
    blocks.push([section.heading, ...section.items.map((item) => `- ${item}`)].join("\n"));
  }
  if (content.closing) blocks.push(content.closing);
  blocks.push(`${frame.contactsHeading}\n${frame.contacts.join("\n")}`);
  blocks.push(`※ ${frame.phishingWarning}`);
  blocks.push(`--\n${frame.footer}`);
  return `${blocks.join("\n\n")}\n`;
}

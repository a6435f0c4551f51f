// The HTML part, rendered by React: every value is escaped, nothing is interpreted.
import { renderToStaticMarkup } from "react-dom/server";
import type { MailContent, MailFrame } from "./mail-content";

const text = { fontFamily: "sans-serif", fontSize: "15px", lineHeight: 1.6, color: "#1a1a1a" } as const;

export interface MailPart {
  content: MailContent;
  frame: MailFrame;
  language: string;
}

function MailDocument({ subject, parts }: { subject: string; parts: MailPart[] }) {
  return (
    <html lang={parts[0]!.language}>
      <head>
        <meta charSet="utf-8" />
        <title>{subject}</title>
      </head>
      <body style={{ ...text, margin: 0, padding: "16px" }}>
        {parts.map((part, index) => (
          <div key={part.language} lang={part.language}>
            {index > 0 ? <hr style={{ margin: "32px 0" }} /> : null}
            <MailBody content={part.content} frame={part.frame} />
          </div>
        ))}
      </body>
    </html>
  );
}

function MailBody({ content, frame }: { content: MailContent; frame: MailFrame }) {
  return (
    <>
      <p>{content.greeting}</p>
      {content.paragraphs.map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
      {content.passages?.map((passage, index) => (
        <section key={index}>
          {passage.heading ? <h2 style={{ fontSize: "16px" }}>{passage.heading}</h2> : null}
          <div style={{ whiteSpace: "pre-wrap", margin: "0 0 16px" }}>{passage.text}</div>
        </section>
      ))}
      {content.quote ? (
        <div style={{ whiteSpace: "pre-wrap", borderLeft: "4px solid #c8c8c8", paddingLeft: "12px", margin: "16px 0" }}>{content.quote}</div>
      ) : null}
      {content.action ? (
        <p>
          <a href={content.action.url} style={{ fontWeight: "bold", color: "#0b4f9c" }}>
            {content.action.label}
          </a>
          <br />
          <span style={{ fontSize: "13px", wordBreak: "break-all" }}>{content.action.url}</span>
          {content.action.note ? (
            <>
              <br />
              <span style={{ fontSize: "13px" }}>{content.action.note}</span>
            </>
          ) : null}
        </p>
      ) : null}
      {content.sections.map((section) => (
        <section key={section.heading}>
          <h2 style={{ fontSize: "16px" }}>{section.heading}</h2>
          <ul>
            {section.items.map((item, index) => (
              <li key={index}>{item}</li>
            ))}
          </ul>
        </section>
      ))}
      {content.closing ? <p>{content.closing}</p> : null}
      <h2 style={{ fontSize: "16px" }}>{frame.contactsHeading}</h2>
      <ul>
        {frame.contacts.map((contact) => (
          <li key={contact}>{contact}</li>
        ))}
      </ul>
      <p style={{ border: "2px solid #b00020", padding: "8px", fontWeight: "bold" }}>{frame.phishingWarning}</p>
      <hr />
      <p style={{ fontSize: "13px", color: "#555" }}>{frame.footer}</p>
    </>
  );
}

export function mailHtml(content: MailContent, frame: MailFrame, language: string): string {
  return mailHtmlInLanguages(content.subject, [{ content, frame, language }]);
}

/** One mail in several languages, one after the other (for a person whose language isn't known). */
export function mailHtmlInLanguages(subject: string, parts: MailPart[]): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(<MailDocument subject={subject} parts={parts} />)}`;
}

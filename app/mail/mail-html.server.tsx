// The HTML part, rendered by React: every value is escaped, nothing is interpreted.
import { renderToStaticMarkup } from "react-dom/server";
import type { MailContent, MailFrame } from "./mail-content";

const text = { fontFamily: "sans-serif", fontSize: "15px", lineHeight: 1.6, color: "#1a1a1a" } as const;

function MailHtml({ content, frame, language }: { content: MailContent; frame: MailFrame; language: string }) {
  return (
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <title>{content.subject}</title>
      </head>
      <body style={{ ...text, margin: 0, padding: "16px" }}>
        <p>{content.greeting}</p>
        {content.paragraphs.map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
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
      </body>
    </html>
  );
}

export function mailHtml(content: MailContent, frame: MailFrame, language: string): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(<MailHtml content={content} frame={frame} language={language} />)}`;
}

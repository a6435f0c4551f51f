// The conversation as staff see it: customer messages, replies and internal notes (marked
// as such), each shown as plain text.
import { useTranslation } from "react-i18next";
import { PlainText } from "~/components/plain-text";

export interface StaffMessageView {
  id: string;
  kind: "customer" | "reply" | "note";
  author: string | null;
  body: string;
  at: string;
}

export function StaffThread({ messages, language }: { messages: StaffMessageView[]; language: string }) {
  const { t } = useTranslation("staff-inquiries");
  return (
    <ol className="thread">
      {messages.map((message) => (
        <li
          key={message.id}
          className={message.kind === "note" ? "thread-message is-note" : message.kind === "reply" ? "thread-message from-desk" : "thread-message"}
        >
          <p className="thread-meta">
            {message.kind === "customer"
              ? t("thread.fromCustomer")
              : t(message.kind === "note" ? "thread.note" : "thread.reply", { name: message.author ?? t("thread.formerStaff") })}{" "}
            · {message.at}
          </p>
          <PlainText text={message.body} lang={message.kind === "customer" ? undefined : language} />
        </li>
      ))}
    </ol>
  );
}

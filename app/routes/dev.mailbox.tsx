// The development mailbox: the demo has no mail server, so its mail waits in the outbox
// and is read here, at the address with the key that the server prints when it starts. It
// answers only where that can't leak anything (mayOpenDevMailbox): to everyone else, and
// everywhere else, this route is a 404, like any page that doesn't exist.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getConfig } from "~/config.server";
import { i18next } from "~/i18n/i18next.server";
import { unsentMail } from "~/models/outbox.server";
import { mayOpenDevMailbox } from "~/utils/dev-mailbox.server";
import { titleOr } from "~/utils/page-title";
import { notFound } from "~/utils/http-errors.server";

export const handle = { i18n: ["common", "mail"] };

const URL_IN_TEXT = /https?:\/\/[^\s<>"]+/g;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const config = getConfig();
  if (!mayOpenDevMailbox(config, request, context.clientAddress)) throw notFound();
  const [messages, t] = await Promise.all([unsentMail(50), i18next.getFixedT(request, "mail")]);
  return {
    title: t("devMailbox.title"),
    messages: messages.map(({ id, createdAt, mail }) => ({
      id,
      createdAt: createdAt.toISOString(),
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      // Only links to this portal become clickable.
      links: [...new Set(mail.text.match(URL_IN_TEXT) ?? [])].filter((url) => url.startsWith(`${config.PUBLIC_ORIGIN}/`)),
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export default function DevMailbox() {
  const { messages } = useLoaderData<typeof loader>();
  const { t } = useTranslation("mail");
  return (
    <main id="main" className="page">
      <h1>{t("devMailbox.title")}</h1>
      <p>{t("devMailbox.intro")}</p>
      {messages.length === 0 ? <p>{t("devMailbox.empty")}</p> : null}
      {messages.map((message) => (
        <article key={message.id} className="dev-mail">
          <h2>{message.subject}</h2>
          <p>
            {t("devMailbox.to", { to: message.to })} · <time dateTime={message.createdAt}>{message.createdAt}</time>
          </p>
          {message.links.map((link) => (
            <p key={link}>
              <a href={link}>{link}</a>
            </p>
          ))}
          <pre className="dev-mail-text">{message.text}</pre>
        </article>
      ))}
    </main>
  );
}

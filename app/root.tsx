import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PublicShell } from "~/components/public-shell";
import { ERROR_KINDS } from "~/domain/error-page";
import { chosenLanguage, getLanguage, i18next, languageCookie } from "~/i18n/i18next.server";
import { useNonce } from "~/utils/nonce";
import { titleOr } from "~/utils/page-title";
import styles from "~/styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.ico", sizes: "any" },
];

export const handle = { i18n: ["common"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const language = await getLanguage(request);
  // A language picked with ?lng= is remembered for the next visits.
  const chosen = chosenLanguage(request);
  const headers = chosen ? { "Set-Cookie": await languageCookie.serialize(chosen) } : undefined;
  // The titles of error pages, whose routes' loaders did not answer (app/utils/page-title.ts).
  const t = await i18next.getFixedT(request, "common");
  const errorTitles = Object.fromEntries(ERROR_KINDS.map((kind) => [kind, t(`error.${kind}.title`)]));
  return data({ language, errorTitles }, { headers });
}

export const meta: MetaFunction = ({ matches }) => titleOr(undefined, matches);

export function Layout({ children }: { children: React.ReactNode }) {
  const rootData = useRouteLoaderData<typeof loader>("root");
  const { i18n } = useTranslation();
  const language = rootData?.language ?? i18n.language ?? "ja";
  const nonce = useNonce();
  // Marks the moment the page's script has taken over: the outermost component's effect runs
  // after every other of the first render, the forms' validation included. A form submitted
  // before then (in the first instants of a page) is validated but may not show its message, so
  // the browser tests wait for this before they submit (tests/support/page-script.ts).
  useEffect(() => {
    document.documentElement.dataset.scriptReady = "";
  }, []);
  return (
    <html lang={language} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { language } = useRouteLoaderData<typeof loader>("root")!;
  useChangeLanguage(language);
  return <Outlet />;
}

/** Only when nothing below could answer: the public shell, without what the database holds. */
export function ErrorBoundary() {
  return (
    <PublicShell organization={null} desk={null} signedInAs={null}>
      <GeneralErrorBoundary />
    </PublicShell>
  );
}

// Where a customer lands whose verified visit has ended (or never began).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { i18next } from "~/i18n/i18next.server";
import { titleOr } from "~/utils/page-title";

export const handle = { i18n: ["common", "desk", "check"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await i18next.getFixedT(request, "check");
  return { title: t("link.title") };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export default function CheckEnded() {
  const { t } = useTranslation("check");
  return (
    <>
      <h1>{t("link.title")}</h1>
      <p role="status">{t("my.expired")}</p>
      <p>
        <a href="/check">{t("link.newLink")}</a>
      </p>
    </>
  );
}

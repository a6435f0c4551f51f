// Where a customer lands whose verified visit has ended (or never began).
import { useTranslation } from "react-i18next";

export const handle = { i18n: ["common", "desk", "check"] };

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

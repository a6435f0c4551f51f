// An approved (or sent) notification's text, read-only, both languages side by side.
import { useTranslation } from "react-i18next";
import type { CampaignTexts } from "~/domain/notifications/checklist";

const PARTS = [
  ["subject", "editor.subject"],
  ["intro", "editor.introText"],
  ["summary", "editor.summary"],
  ["cause", "editor.cause"],
  ["harm", "editor.harm"],
  ["other", "editor.other"],
] as const;

export function CampaignText({ texts }: { texts: CampaignTexts }) {
  const { t } = useTranslation("staff-notifications");
  return (
    <section aria-labelledby="text-heading">
      <h2 id="text-heading">{t("editor.heading")}</h2>
      <p>{t("editor.frozen")}</p>
      <dl className="campaign-text">
        {PARTS.map(([part, label]) => (
          <div key={part}>
            <dt>{t(label)}</dt>
            <dd lang="ja">{texts[`${part}Ja`]}</dd>
            <dd lang="en">{texts[`${part}En`]}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

import { useTranslation } from "react-i18next";
import type { RevisionSummary } from "~/models/notice.server";

/** 第2報 / "Update 2", 最終報 / "Final report". */
export function RevisionLabel({ revision }: { revision: Pick<RevisionSummary, "kind" | "number"> }) {
  const { t } = useTranslation("notice");
  return <>{t(`label.${revision.kind}`, { number: revision.number })}</>;
}

// What of one customer's data was exposed, in their language, for their own page.
import { getDb } from "~/db/client.server";
import type { DbHandle } from "~/db/transaction.server";
import type { Language } from "~/i18n/config";

export interface ExposureView {
  groupKey: string;
  groupName: string;
  periodFrom: string | null;
  periodUntil: string | null;
  categories: Array<{ key: string; label: string; recommendedAction: string }>;
}

export async function getCustomerExposure(customerId: string, language: Language, db: DbHandle = getDb()): Promise<ExposureView[]> {
  const exposures = await db.customerExposure.findMany({
    where: { customerId },
    orderBy: { group: { position: "asc" } },
    select: {
      periodFrom: true,
      periodUntil: true,
      group: { select: { key: true, nameJa: true, nameEn: true } },
      categories: {
        orderBy: { category: { position: "asc" } },
        select: {
          category: { select: { key: true, labelJa: true, labelEn: true, recommendedActionJa: true, recommendedActionEn: true } },
        },
      },
    },
  });
  const ja = language === "ja";
  return exposures.map((exposure) => ({
    groupKey: exposure.group.key,
    groupName: ja ? exposure.group.nameJa : exposure.group.nameEn,
    periodFrom: exposure.periodFrom,
    periodUntil: exposure.periodUntil,
    categories: exposure.categories.map(({ category }) => ({
      key: category.key,
      label: ja ? category.labelJa : category.labelEn,
      recommendedAction: ja ? category.recommendedActionJa : category.recommendedActionEn,
    })),
  }));
}

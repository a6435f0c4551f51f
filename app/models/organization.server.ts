import { getDb } from "~/db/client.server";
import type { DbHandle } from "~/db/transaction.server";
import type { Language } from "~/i18n/config";

/** The company's name in the visitor's language ("" before any data is loaded). */
export async function getOrganizationName(language: Language, db: DbHandle = getDb()): Promise<string> {
  const organization = await db.organization.findUnique({
    where: { id: 1 },
    select: { nameJa: true, nameEn: true },
  });
  if (!organization) return "";
  return language === "ja" ? organization.nameJa : organization.nameEn;
}

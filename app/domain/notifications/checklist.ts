// What a notification to each person must carry (個人情報保護法施行規則10条, by way of 8条1項):
// the summary, the items of data that leaked, the cause, whether secondary harm may follow
// and what else is of use; and what a mail needs besides, a subject and an opening. "What
// leaked" is written for each person from the records; the rest is the officer's text, in
// both languages, and a draft is approved only with all of it.
export const LAW_ITEMS = ["summary", "items", "cause", "harm", "other"] as const;
export const CHECKLIST_ITEMS = ["subject", "intro", ...LAW_ITEMS] as const;
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];

export interface CampaignTexts {
  subjectJa: string;
  subjectEn: string;
  introJa: string;
  introEn: string;
  summaryJa: string;
  summaryEn: string;
  causeJa: string;
  causeEn: string;
  harmJa: string;
  harmEn: string;
  otherJa: string;
  otherEn: string;
}

const written = (value: string) => value.trim() !== "";

/** Each item, whether the law asks for it, and whether the draft covers it in both languages. */
export function checklist(texts: CampaignTexts): Array<{ item: ChecklistItem; law: boolean; covered: boolean }> {
  return CHECKLIST_ITEMS.map((item) => ({
    item,
    law: (LAW_ITEMS as readonly string[]).includes(item),
    covered: item === "items" || (written(texts[`${item}Ja`]) && written(texts[`${item}En`])),
  }));
}

/** What keeps a draft from approval: the items it doesn't cover, in the checklist's order. */
export function missingForApproval(texts: CampaignTexts): ChecklistItem[] {
  return checklist(texts)
    .filter((entry) => !entry.covered)
    .map((entry) => entry.item);
}

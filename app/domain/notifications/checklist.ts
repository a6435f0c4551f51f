// What a notification to each person must carry (個人情報保護法施行規則10条, by way of 8条1項):
// the summary, the items of data that leaked, the cause, whether secondary harm may follow
// and what else is of use. "What leaked" is written for each person from the records; the
// others are the officer's text, in both languages.
export const CHECKLIST_ITEMS = ["summary", "items", "cause", "harm", "other"] as const;
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

/** Each item and whether the draft covers it in both languages. */
export function checklist(texts: CampaignTexts): Array<{ item: ChecklistItem; covered: boolean }> {
  const both = (ja: string, en: string) => written(ja) && written(en);
  return CHECKLIST_ITEMS.map((item) => ({
    item,
    covered: item === "items" ? true : both(texts[`${item}Ja`], texts[`${item}En`]),
  }));
}

/** What keeps a draft from approval: an item the law asks for, the subject or the opening missing in a language. */
export function missingForApproval(texts: CampaignTexts): Array<ChecklistItem | "subject" | "intro"> {
  const missing: Array<ChecklistItem | "subject" | "intro"> = [];
  if (!written(texts.subjectJa) || !written(texts.subjectEn)) missing.push("subject");
  if (!written(texts.introJa) || !written(texts.introEn)) missing.push("intro");
  for (const { item, covered } of checklist(texts)) if (!covered) missing.push(item);
  return missing;
}

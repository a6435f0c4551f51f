import { describe, expect, it } from "vitest";
import { checklist, missingForApproval, type CampaignTexts } from "./checklist";

const complete: CampaignTexts = {
  subjectJa: "件名",
  subjectEn: "Subject",
  introJa: "お詫び",
  introEn: "We apologise",
  summaryJa: "概要",
  summaryEn: "Summary",
  causeJa: "原因",
  causeEn: "Cause",
  harmJa: "二次被害",
  harmEn: "Harm",
  otherJa: "その他",
  otherEn: "Other",
};

describe("the law's checklist for a notification", () => {
  it("counts an item covered only when it is written in both languages", () => {
    const draft = { ...complete, causeEn: "  \n", harmJa: "" };
    expect(checklist(draft)).toEqual([
      { item: "subject", law: false, covered: true },
      { item: "intro", law: false, covered: true },
      { item: "summary", law: true, covered: true },
      { item: "items", law: true, covered: true },
      { item: "cause", law: true, covered: false },
      { item: "harm", law: true, covered: false },
      { item: "other", law: true, covered: true },
    ]);
  });

  it("keeps a draft from approval while the subject, the opening or an item is missing", () => {
    expect(missingForApproval(complete)).toEqual([]);
    expect(missingForApproval({ ...complete, subjectEn: " ", introJa: "", otherJa: "" })).toEqual(["subject", "intro", "other"]);
  });
});

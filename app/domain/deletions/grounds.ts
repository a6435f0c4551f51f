// The grounds a privacy officer may refuse a deletion request on, as a new desk starts
// with them (setup writes them once; privacy officers add and retire grounds afterwards).
// Worded after what Japan's Act on the Protection of Personal Information lets a business
// keep (art. 35) and what other laws require it to keep.
export interface RefusalGround {
  key: string;
  labelJa: string;
  labelEn: string;
}

export const DEFAULT_REFUSAL_GROUNDS: readonly RefusalGround[] = [
  {
    key: "legal-retention",
    labelJa: "法令により保存が義務付けられている記録です（例：税法上の取引記録）",
    labelEn: "The law requires these records to be kept (e.g. transaction records under tax law)",
  },
  {
    key: "identity-unconfirmed",
    labelJa: "ご本人からの請求であることを確認できませんでした",
    labelEn: "We could not confirm that the request came from the person concerned",
  },
  {
    key: "ongoing-investigation",
    labelJa: "調査中・係争中の事案の証拠として保全が必要です",
    labelEn: "The data must be preserved as evidence in an ongoing investigation or dispute",
  },
  {
    key: "rights-of-others",
    labelJa: "第三者の権利利益を害するおそれがあります",
    labelEn: "Deleting it could harm the rights or interests of another person",
  },
];

/** A key for a ground added by hand: "ground-" and twelve random hex characters. */
export function groundKeyFrom(randomHex: string): string {
  return `ground-${randomHex
    .toLowerCase()
    .replace(/[^0-9a-f]/g, "")
    .slice(0, 12)}`;
}

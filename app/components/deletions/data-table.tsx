// Kinds of personal data with a count each: what the portal holds about a person, or what
// an erasure removed. The kinds' names are the customer's own words (namespace "deletion").
import { useTranslation } from "react-i18next";
import { ERASED_CATEGORIES, type ErasedCounts } from "~/domain/deletions/categories";

export function DataCountTable({
  counts,
  caption,
  categoryHeading,
  countHeading,
}: {
  counts: ErasedCounts;
  caption: string;
  categoryHeading: string;
  countHeading: string;
}) {
  const { t } = useTranslation("deletion");
  const rows = ERASED_CATEGORIES.filter((category) => (counts[category] ?? 0) > 0);
  return (
    <table className="queue-table" data-testid="data-counts">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{categoryHeading}</th>
          <th scope="col">{countHeading}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((category) => (
          <tr key={category}>
            <th scope="row">{t(`category.${category}.title`)}</th>
            <td>{counts[category]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

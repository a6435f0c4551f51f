/** Kinds of exposed data, each with what a customer should do about it. */
export function CategoryTable({
  categories,
  dataHeading,
  actionHeading,
}: {
  categories: Array<{ key: string; label: string; recommendedAction: string }>;
  dataHeading: string;
  actionHeading: string;
}) {
  return (
    <table className="category-table">
      <thead>
        <tr>
          <th scope="col">{dataHeading}</th>
          <th scope="col">{actionHeading}</th>
        </tr>
      </thead>
      <tbody>
        {categories.map((category) => (
          <tr key={category.key}>
            <th scope="row">{category.label}</th>
            <td>{category.recommendedAction}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

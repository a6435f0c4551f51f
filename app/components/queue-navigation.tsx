// What a staff queue shows around its table: the count of each status and of overdue items
// as links to those views, and the links to the next and the first page. Labels come in the
// page's own words.
import { Link } from "@remix-run/react";

export function StatusCounts({
  heading,
  statuses,
  overdue,
}: {
  heading: string;
  statuses: Array<{ status: string; label: string; to: string }>;
  overdue: { label: string; to: string; count: number };
}) {
  return (
    <nav aria-labelledby="counts-heading">
      <h2 id="counts-heading">{heading}</h2>
      <ul className="status-counts">
        {statuses.map((item) => (
          <li key={item.status}>
            <Link to={item.to}>{item.label}</Link>
          </li>
        ))}
        <li>
          <Link to={overdue.to} className={overdue.count > 0 ? "is-overdue" : undefined}>
            {overdue.label}
          </Link>
        </li>
      </ul>
    </nav>
  );
}

export function QueuePager({ next, first, labels }: { next: string | null; first: string | null; labels: { next: string; first: string } }) {
  return (
    <p>
      {next ? <Link to={next}>{labels.next}</Link> : null} {first ? <Link to={first}>{labels.first}</Link> : null}
    </p>
  );
}

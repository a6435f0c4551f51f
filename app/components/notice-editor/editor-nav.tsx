// The three parts of the notice editor, shown at the top of each of its lists.
import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

const SECTIONS = [
  { to: "/staff/notice", label: "nav.revisions" },
  { to: "/staff/notice/groups", label: "nav.groups" },
  { to: "/staff/notice/categories", label: "nav.categories" },
] as const;

export function EditorNav() {
  const { t } = useTranslation("staff-notice");
  const { pathname } = useLocation();
  // The longest prefix wins, so /staff/notice/3 belongs to the revisions.
  const current = SECTIONS.filter((section) => pathname === section.to || pathname.startsWith(`${section.to}/`)).at(-1);
  return (
    <nav aria-label={t("nav.label")} className="editor-nav">
      <ul>
        {SECTIONS.map((section) => (
          <li key={section.to}>
            <Link to={section.to} aria-current={section === current ? "page" : undefined}>
              {t(section.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

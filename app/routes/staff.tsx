// Layout of the back office: a header with the staff member's name, the menu of what
// their role may do, and sign-out. It protects nothing itself: every child route calls
// requireStaff with its own permission.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { LanguageSwitcher } from "~/components/language-switcher";
import { can, type Permission } from "~/domain/staff/permissions";
import { getStaffSession } from "~/models/staff-session.server";
import { titleOr } from "~/utils/page-title";

export const handle = { i18n: ["common", "staff"] };

const MENU: Array<{ to: string; label: string; permission: Permission }> = [
  { to: "/staff", label: "nav.home", permission: "view:staff-home" },
  { to: "/staff/inquiries", label: "nav.inquiries", permission: "answer:inquiry" },
  { to: "/staff/notice", label: "nav.notice", permission: "publish:notice" },
  { to: "/staff/hours", label: "nav.hours", permission: "manage:hours" },
  { to: "/staff/members", label: "nav.members", permission: "manage:staff" },
  { to: "/staff/import", label: "nav.import", permission: "manage:affected-records" },
  { to: "/staff/deletions", label: "nav.deletions", permission: "decide:deletion" },
  { to: "/staff/notifications", label: "nav.notifications", permission: "notify:affected" },
  { to: "/staff/inquiry-settings", label: "nav.inquirySettings", permission: "manage:settings" },
  { to: "/staff/operations", label: "nav.operations", permission: "view:operations" },
  { to: "/staff/audit", label: "nav.audit", permission: "read:audit-log" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const current = await getStaffSession(request);
  if (!current) return { staff: null, menu: [] };
  const { displayName, role } = current.staff;
  return { staff: { displayName, role }, menu: MENU.filter((item) => can(role, item.permission)) };
}

export const meta: MetaFunction = ({ matches }) => titleOr(undefined, matches);

export default function StaffLayout() {
  const { staff, menu } = useLoaderData<typeof loader>();
  return (
    <StaffShell staff={staff} menu={menu}>
      <Outlet />
    </StaffShell>
  );
}

/** The header of the back office, with what it could read of the staff member. */
function StaffShell({ staff, menu, children }: { staff: { displayName: string; role: string } | null; menu: typeof MENU; children: React.ReactNode }) {
  const { t } = useTranslation("staff");
  return (
    <>
      <a className="skip-link" href="#main">
        {t("skipToContent", { ns: "common" })}
      </a>
      <header className="site-header staff-header">
        <p className="site-name">{t("title")}</p>
        {staff ? (
          <>
            <nav aria-label={t("nav.label")} className="staff-nav">
              <ul>
                {menu.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.to === "/staff"}>
                      {t(item.label)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
            <p className="staff-who">{t("signedInAs", { name: staff.displayName, role: t(`role.${staff.role}`) })}</p>
            <Form method="post" action="/staff/logout">
              <button type="submit" className="button-link">
                {t("signOut")}
              </button>
            </Form>
          </>
        ) : null}
        <LanguageSwitcher />
      </header>
      <main id="main" className="page staff-page">
        {children}
      </main>
    </>
  );
}

/** This layout's own loader failed (the database away): the header without the staff member. */
export function ErrorBoundary() {
  return (
    <StaffShell staff={null} menu={[]}>
      <GeneralErrorBoundary />
    </StaffShell>
  );
}

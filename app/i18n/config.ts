// i18next settings shared by the server and the browser. The strings are bundled
// (two small languages), so no backend fetches them and the first render is complete.
import type { InitOptions } from "i18next";
import enAccount from "../../locales/en/account.json";
import enCommon from "../../locales/en/common.json";
import enDashboard from "../../locales/en/dashboard.json";
import enDeletion from "../../locales/en/deletion.json";
import enDesk from "../../locales/en/desk.json";
import enMail from "../../locales/en/mail.json";
import enCheck from "../../locales/en/check.json";
import enInquiries from "../../locales/en/inquiries.json";
import enNotice from "../../locales/en/notice.json";
import enOperations from "../../locales/en/operations.json";
import enStaff from "../../locales/en/staff.json";
import enStaffAudit from "../../locales/en/staff-audit.json";
import enStaffAuth from "../../locales/en/staff-auth.json";
import enStaffDeletions from "../../locales/en/staff-deletions.json";
import enStaffHours from "../../locales/en/staff-hours.json";
import enStaffImport from "../../locales/en/staff-import.json";
import enStaffInquiries from "../../locales/en/staff-inquiries.json";
import enStaffMembers from "../../locales/en/staff-members.json";
import enStaffNotice from "../../locales/en/staff-notice.json";
import enStaffNotifications from "../../locales/en/staff-notifications.json";
import jaAccount from "../../locales/ja/account.json";
import jaCommon from "../../locales/ja/common.json";
import jaDashboard from "../../locales/ja/dashboard.json";
import jaDeletion from "../../locales/ja/deletion.json";
import jaDesk from "../../locales/ja/desk.json";
import jaMail from "../../locales/ja/mail.json";
import jaCheck from "../../locales/ja/check.json";
import jaInquiries from "../../locales/ja/inquiries.json";
import jaNotice from "../../locales/ja/notice.json";
import jaOperations from "../../locales/ja/operations.json";
import jaStaff from "../../locales/ja/staff.json";
import jaStaffAudit from "../../locales/ja/staff-audit.json";
import jaStaffAuth from "../../locales/ja/staff-auth.json";
import jaStaffDeletions from "../../locales/ja/staff-deletions.json";
import jaStaffHours from "../../locales/ja/staff-hours.json";
import jaStaffImport from "../../locales/ja/staff-import.json";
import jaStaffInquiries from "../../locales/ja/staff-inquiries.json";
import jaStaffMembers from "../../locales/ja/staff-members.json";
import jaStaffNotice from "../../locales/ja/staff-notice.json";
import jaStaffNotifications from "../../locales/ja/staff-notifications.json";

export const SUPPORTED_LANGUAGES = ["ja", "en"] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "ja";

export function isLanguage(value: unknown): value is Language {
  return SUPPORTED_LANGUAGES.includes(value as Language);
}

export const resources = {
  ja: {
    common: jaCommon,
    account: jaAccount,
    dashboard: jaDashboard,
    deletion: jaDeletion,
    desk: jaDesk,
    mail: jaMail,
    check: jaCheck,
    inquiries: jaInquiries,
    notice: jaNotice,
    operations: jaOperations,
    staff: jaStaff,
    "staff-audit": jaStaffAudit,
    "staff-hours": jaStaffHours,
    "staff-import": jaStaffImport,
    "staff-inquiries": jaStaffInquiries,
    "staff-notice": jaStaffNotice,
    "staff-notifications": jaStaffNotifications,
    "staff-members": jaStaffMembers,
    "staff-auth": jaStaffAuth,
    "staff-deletions": jaStaffDeletions,
  },
  en: {
    common: enCommon,
    account: enAccount,
    dashboard: enDashboard,
    deletion: enDeletion,
    desk: enDesk,
    mail: enMail,
    check: enCheck,
    inquiries: enInquiries,
    notice: enNotice,
    operations: enOperations,
    staff: enStaff,
    "staff-audit": enStaffAudit,
    "staff-hours": enStaffHours,
    "staff-import": enStaffImport,
    "staff-inquiries": enStaffInquiries,
    "staff-notice": enStaffNotice,
    "staff-notifications": enStaffNotifications,
    "staff-members": enStaffMembers,
    "staff-auth": enStaffAuth,
    "staff-deletions": enStaffDeletions,
  },
} as const;

export const i18nOptions = {
  supportedLngs: [...SUPPORTED_LANGUAGES],
  fallbackLng: DEFAULT_LANGUAGE,
  defaultNS: "common",
  ns: Object.keys(resources.ja),
  resources,
  // React escapes what it renders; escaping twice would show &amp; to people.
  interpolation: { escapeValue: false },
} satisfies InitOptions;

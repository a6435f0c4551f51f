// The inquiry page checks in here every few seconds: it records that this agent has it
// open and answers who else does and whether it changed. Reads no personal data.
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { getConfig } from "~/config.server";
import { normaliseReference } from "~/domain/inquiries/reference";
import { getLanguage } from "~/i18n/i18next.server";
import { checkIn, inquiryIdOf } from "~/models/inquiries/staff-inquiry.server";
import { formatDateTime } from "~/utils/format";
import { requireStaff } from "~/utils/guards.server";
import { notFound } from "~/utils/http-errors.server";

export async function loader(args: LoaderFunctionArgs) {
  const staff = await requireStaff(args, "answer:inquiry");
  const reference = normaliseReference(args.params.reference ?? "");
  const inquiryId = reference && (await inquiryIdOf(reference));
  const presence = inquiryId && (await checkIn(inquiryId, staff.id));
  if (!presence) throw notFound();
  const language = await getLanguage(args.request);
  return data(
    {
      version: presence.version,
      viewers: presence.viewers.map((viewer) => ({ name: viewer.name })),
      recentReply: presence.recentReply && { ...presence.recentReply, at: formatDateTime(presence.recentReply.at, language, getConfig().DESK_TIME_ZONE) },
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

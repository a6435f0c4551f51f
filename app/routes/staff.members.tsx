// Admins manage staff: invite (a one-time enrolment link is shown once), end a person's
// sessions, deactivate, or reset their factors with a new link.
import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormMessage } from "~/components/forms";
import { addressSchema } from "~/domain/email-address";
import { ROLES } from "~/domain/staff/permissions";
import { i18next } from "~/i18n/i18next.server";
import { changeStaffAccount, inviteStaff, listStaff, StaffEmailTakenError } from "~/models/staff.server";
import { clientHash } from "~/utils/client-address.server";
import { requireStaff } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";

export const handle = { i18n: ["common", "staff", "staff-members"] };

const required = "staff-members:errors.required";
const InviteSchema = z.object({
  intent: z.literal("invite"),
  email: addressSchema(required),
  displayName: z.string({ error: required }).trim().min(1, required).max(100, "staff-members:errors.tooLong"),
  role: z.enum(ROLES, { error: "staff-members:errors.role" }),
});
const ChangeSchema = z.object({
  intent: z.enum(["revoke-sessions", "deactivate", "reset"]),
  staffId: z.string().min(1).max(64),
});

export async function loader(args: LoaderFunctionArgs) {
  const viewer = await requireStaff(args, "manage:staff");
  const [staff, t] = await Promise.all([listStaff(), i18next.getFixedT(args.request, "staff-members")]);
  return {
    title: t("staff:pageTitle", { page: t("title") }),
    viewerId: viewer.id,
    staff: staff.map((member) => ({
      id: member.id,
      email: member.email,
      displayName: member.displayName,
      role: member.role,
      status: member.status,
      sessions: member._count.sessions,
    })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const actor = await requireStaff(args, "manage:staff");
  const client = clientHash(args.context.clientAddress);
  const formData = await args.request.formData();
  if (formData.get("intent") === "invite") {
    const submission = parseWithZod(formData, { schema: InviteSchema });
    if (submission.status !== "success") return { result: submission.reply(), notice: null };
    try {
      const { link } = await inviteStaff(submission.value, actor, client);
      return { result: submission.reply({ resetForm: true }), notice: { kind: "link" as const, email: submission.value.email.toLowerCase(), link } };
    } catch (error) {
      if (!(error instanceof StaffEmailTakenError)) throw error;
      return { result: submission.reply({ fieldErrors: { email: ["staff-members:errors.taken"] } }), notice: null };
    }
  }
  const change = ChangeSchema.safeParse(Object.fromEntries(formData));
  if (!change.success) return { result: null, notice: { kind: "error" as const, key: "errors.notFound" } };
  // Locking oneself out is never what an admin means to do here.
  if (change.data.staffId === actor.id) return { result: null, notice: { kind: "error" as const, key: "errors.self" } };
  const changed = await changeStaffAccount(change.data.staffId, change.data.intent, actor, client);
  if (!changed) return { result: null, notice: { kind: "error" as const, key: "errors.notFound" } };
  if (changed.link) return { result: null, notice: { kind: "link" as const, email: changed.email, link: changed.link } };
  return { result: null, notice: { kind: "done" as const, key: `done.${change.data.intent}`, email: changed.email } };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export default function StaffMembers() {
  const { staff, viewerId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("staff-members");
  const [form, fields] = useForm<z.input<typeof InviteSchema>>({
    lastResult: actionData?.result,
    constraint: getZodConstraint(InviteSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteSchema }),
    shouldValidate: "onBlur",
  });
  const notice = actionData?.notice;
  return (
    <>
      <h1>{t("title")}</h1>
      {notice?.kind === "link" ? (
        <div className="form-message" role="status">
          <p>{t("linkIssued", { email: notice.email })}</p>
          <p>
            <code data-testid="enrolment-link">{notice.link}</code>
          </p>
        </div>
      ) : null}
      {notice?.kind === "done" ? <FormMessage message={t(notice.key, { email: notice.email })} /> : null}
      {notice?.kind === "error" ? <FormMessage message={t(notice.key)} error /> : null}
      <div className="table-scroll">
        <table className="data">
          <caption>{t("table.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("table.name")}</th>
              <th scope="col">{t("table.email")}</th>
              <th scope="col">{t("table.role")}</th>
              <th scope="col">{t("table.status")}</th>
              <th scope="col">{t("table.sessions")}</th>
              <th scope="col">{t("table.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {staff.map((member) => (
              <tr key={member.id}>
                <th scope="row">{member.displayName}</th>
                <td>{member.email}</td>
                <td>{t(`role.${member.role}`, { ns: "staff" })}</td>
                <td>{t(`status.${member.status}`)}</td>
                <td>{member.sessions}</td>
                <td>
                  {member.id === viewerId ? null : (
                    <Form method="post" className="row-actions">
                      <input type="hidden" name="staffId" value={member.id} />
                      <button type="submit" name="intent" value="revoke-sessions" className="secondary" aria-label={`${t("actions.revoke")}: ${member.email}`}>
                        {t("actions.revoke")}
                      </button>
                      {member.status !== "deactivated" ? (
                        <button type="submit" name="intent" value="deactivate" className="secondary" aria-label={`${t("actions.deactivate")}: ${member.email}`}>
                          {t("actions.deactivate")}
                        </button>
                      ) : null}
                      <button type="submit" name="intent" value="reset" className="secondary" aria-label={`${t("actions.reset")}: ${member.email}`}>
                        {t("actions.reset")}
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("invite.heading")}</h2>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="invite" />
        <Field field={fields.email} label={t("invite.email")}>
          <input {...getInputProps(fields.email, { type: "email" })} autoComplete="off" />
        </Field>
        <Field field={fields.displayName} label={t("invite.name")}>
          <input {...getInputProps(fields.displayName, { type: "text" })} autoComplete="off" />
        </Field>
        <Field field={fields.role} label={t("invite.role")}>
          <select {...getSelectProps(fields.role)}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`role.${role}`, { ns: "staff" })}
              </option>
            ))}
          </select>
        </Field>
        <div>
          <button type="submit">{t("invite.submit")}</button>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

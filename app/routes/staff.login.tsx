// Staff sign-in: email, password and a TOTP or recovery code in one form. Every failure
// gets the same message; repeated failures are slowed, then refused for a while.
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormMessage } from "~/components/forms";
import { recordAudit } from "~/models/audit.server";
import { clearAccountFailures, countFailure, throttleKeys, throttleState } from "~/models/sign-in-throttle.server";
import { getStaffSession, revokePresentedStaffSession } from "~/models/staff-session.server";
import { signIn } from "~/models/staff.server";
import { clientHash } from "~/utils/client-address.server";
import { requireSameOrigin, safeStaffRedirect } from "~/utils/guards.server";
import { HASHING_RETRY_AFTER_SECONDS, isHashingBusy, passRetryAfter } from "~/utils/hashing-queue.server";

export const handle = { i18n: ["common", "staff", "staff-auth"] };
export const headers = passRetryAfter;

const required = "staff-auth:errors.required";
const SignInSchema = z.object({
  email: z.string({ error: required }).trim().max(254, "staff-auth:errors.tooLong").email("staff-auth:errors.email"),
  password: z.string({ error: required }).max(1024, "staff-auth:errors.tooLong"),
  code: z.string({ error: required }).trim().max(64, "staff-auth:errors.tooLong"),
  redirectTo: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  // Already signed in: nothing to do here.
  if (await getStaffSession(request)) throw redirect("/staff");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const submission = parseWithZod(await request.formData(), { schema: SignInSchema });
  if (submission.status !== "success") {
    return { result: submission.reply({ hideFields: ["password", "code"] }), message: null };
  }
  const { email, password, code, redirectTo } = submission.value;
  const client = clientHash(context.clientAddress);
  const keys = throttleKeys(email, client);
  const throttle = await throttleState(keys);
  const fail = (message: "failed" | "locked" | "busy") => ({
    result: submission.reply({ hideFields: ["password", "code"] }),
    message,
  });
  if (throttle.lockedUntil) {
    await recordAudit({ actor: null, action: "staff.sign-in", clientHash: client, result: "denied", details: { reason: "locked" } });
    // 429 with Retry-After, so a script learns it is refused, not merely wrong, and until when.
    const retryAfter = Math.ceil((throttle.lockedUntil.getTime() - Date.now()) / 1000);
    return data(fail("locked"), { status: 429, headers: { "Retry-After": String(Math.max(1, retryAfter)) } });
  }
  if (throttle.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, throttle.delayMs));

  let outcome: Awaited<ReturnType<typeof signIn>>;
  try {
    outcome = await signIn({ email, password, code }, client, throttle.failures);
  } catch (error) {
    if (!isHashingBusy(error)) throw error;
    return data(fail("busy"), { status: 503, headers: { "Retry-After": String(HASHING_RETRY_AFTER_SECONDS) } });
  }
  if (!outcome.ok) {
    await countFailure(keys);
    await recordAudit({
      actor: null,
      action: "staff.sign-in",
      target: outcome.staffId ? { type: "staff", id: outcome.staffId } : undefined,
      clientHash: client,
      result: "failed",
      details: { reason: outcome.reason },
    });
    return fail("failed");
  }
  await clearAccountFailures(keys);
  await revokePresentedStaffSession(request);
  return redirect(safeStaffRedirect(redirectTo), { headers: { "Set-Cookie": outcome.setCookie } });
}

export const meta: MetaFunction = () => [{ title: "Madoguchi staff sign-in" }];

export default function StaffLogin() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("staff-auth");
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(SignInSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignInSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <>
      <h1>{t("login.title")}</h1>
      <p>{t("login.intro")}</p>
      <FormMessage message={actionData?.message ? t(`login.${actionData.message}`) : null} error />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <Field field={fields.email} label={t("login.email")}>
          <input {...getInputProps(fields.email, { type: "email" })} autoComplete="username" />
        </Field>
        <Field field={fields.password} label={t("login.password")}>
          <input {...getInputProps(fields.password, { type: "password" })} autoComplete="current-password" />
        </Field>
        <Field field={fields.code} label={t("login.code")}>
          <input {...getInputProps(fields.code, { type: "text" })} autoComplete="one-time-code" inputMode="text" />
        </Field>
        <div>
          <button type="submit">{t("login.submit")}</button>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// Staff sign-in: email, password and a TOTP or recovery code in one form. Every failure
// gets the same message; repeated failures are slowed, then refused for a while, counted so
// that a stranger can't lock anyone else out (app/domain/staff/throttle-policy.ts).
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { addressSchema } from "~/domain/email-address";
import { Field, FormMessage } from "~/components/forms";
import { i18next } from "~/i18n/i18next.server";
import { recordAudit } from "~/models/audit.server";
import {
  accountKeyOf,
  countAttempt,
  mayTrySecondFactor,
  secondFactorKey,
  settleSuccess,
  throttleKeys,
  throttleState,
  uncountAttempt,
} from "~/models/sign-in-throttle.server";
import { getStaffSession, revokePresentedStaffSession } from "~/models/staff-session.server";
import { recordFailedSignIn, signIn } from "~/models/staff.server";
import { clientHash } from "~/utils/client-address.server";
import { requireSameOrigin, safeStaffRedirect } from "~/utils/guards.server";
import { HASHING_RETRY_AFTER_SECONDS, isHashingBusy } from "~/utils/hashing-queue.server";
import { titleOr } from "~/utils/page-title";
import { limitedAnswer, passRetryAfter } from "~/utils/retry-after.server";
import { deviceCookieFor, knownDeviceOf } from "~/utils/staff-device-cookie.server";

export const handle = { i18n: ["common", "staff", "staff-auth"] };
export const headers = passRetryAfter;

const required = "staff-auth:errors.required";
const SignInSchema = z.object({
  email: addressSchema(required),
  password: z.string({ error: required }).max(1024, "staff-auth:errors.tooLong"),
  code: z.string({ error: required }).trim().max(64, "staff-auth:errors.tooLong"),
  redirectTo: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  // Already signed in: nothing to do here.
  if (await getStaffSession(request)) throw redirect("/staff");
  const t = await i18next.getFixedT(request, "staff-auth");
  return { title: t("staff:pageTitle", { page: t("login.title") }) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const submission = parseWithZod(await request.formData(), { schema: SignInSchema });
  if (submission.status !== "success") {
    return { result: submission.reply({ hideFields: ["password", "code"] }), message: null };
  }
  const { email, password, code, redirectTo } = submission.value;
  const client = clientHash(context.clientAddress);
  const account = accountKeyOf(email);
  const device = await knownDeviceOf(request, account);
  const keys = throttleKeys(account, client, device);
  const throttle = await throttleState(keys);
  const fail = (message: "failed" | "locked" | "busy", time = "") => ({
    result: submission.reply({ hideFields: ["password", "code"] }),
    message,
    time,
  });
  // Locked, or past a limit once counted (a simultaneous attempt got in first).
  const lockedUntil = throttle.lockedUntil ?? (await countAttempt(keys));
  if (lockedUntil) {
    await recordAudit({ actor: null, action: "staff.sign-in", clientHash: client, result: "denied", details: { reason: "locked" } });
    return limitedAnswer(request, lockedUntil, (time) => fail("locked", time));
  }
  if (throttle.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, throttle.delayMs));

  let outcome: Awaited<ReturnType<typeof signIn>>;
  try {
    // A browser the account signed in from is judged by its own count alone, codes included.
    const secondFactorAllowed = device ? undefined : () => mayTrySecondFactor(account);
    outcome = await signIn({ email, password, code }, client, throttle.failures, secondFactorAllowed);
  } catch (error) {
    if (!isHashingBusy(error)) throw error;
    await uncountAttempt(keys);
    return data(fail("busy"), { status: 503, headers: { "Retry-After": String(HASHING_RETRY_AFTER_SECONDS) } });
  }
  if (!outcome.ok) {
    await recordFailedSignIn(outcome.reason === "second-factor" ? [...keys, secondFactorKey(account)] : keys, {
      target: outcome.staffId ? { type: "staff", id: outcome.staffId } : undefined,
      clientHash: client,
      details: { reason: outcome.reason },
    });
    return fail("failed");
  }
  await settleSuccess(keys, account);
  await revokePresentedStaffSession(request);
  const headers = new Headers([
    ["Set-Cookie", outcome.setCookie],
    ["Set-Cookie", await deviceCookieFor(account, device)],
  ]);
  return redirect(safeStaffRedirect(redirectTo), { headers });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

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
      <FormMessage message={actionData?.message ? t(`login.${actionData.message}`, { time: actionData.time }) : null} error />
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

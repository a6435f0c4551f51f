// Enrolment through a one-time link: choose a password, then confirm an authenticator
// with a first code, then see the recovery codes once.
import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormMessage } from "~/components/forms";
import { staffPasswordProblem } from "~/domain/staff/password-policy";
import { i18next } from "~/i18n/i18next.server";
import { revokePresentedStaffSession } from "~/models/staff-session.server";
import { choosePassword, confirmSecondFactor, findEnrolment } from "~/models/staff.server";
import { HASHING_RETRY_AFTER_SECONDS, isHashingBusy } from "~/utils/hashing-queue.server";
import { clientHash } from "~/utils/client-address.server";
import { requireSameOrigin } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";
import { totpQrSvg, totpUri } from "~/utils/totp.server";

export const handle = { i18n: ["common", "staff", "staff-auth"] };

const required = "staff-auth:errors.required";
const PasswordSchema = z
  .object({
    intent: z.literal("password"),
    password: z.string({ error: required }).max(1024, "staff-auth:errors.too-long"),
    confirm: z.string({ error: required }).max(1024, "staff-auth:errors.too-long"),
  })
  .refine((value) => value.password === value.confirm, { message: "staff-auth:errors.mismatch", path: ["confirm"] });
const CodeSchema = z.object({
  intent: z.literal("second-factor"),
  code: z.string({ error: required }).trim().max(16, "staff-auth:errors.tooLong"),
});

export async function loader({ params, request }: LoaderFunctionArgs) {
  const t = await i18next.getFixedT(request, "staff-auth");
  const title = t("staff:pageTitle", { page: t("enrol.title") });
  const enrolment = await findEnrolment(params.token ?? "");
  if (!enrolment) return { valid: false as const, title };
  const secondFactor =
    enrolment.step === "second-factor" && enrolment.pendingTotpSecret
      ? {
          secret: enrolment.pendingTotpSecret,
          qrSvg: await totpQrSvg(totpUri(enrolment.pendingTotpSecret, enrolment.staff.email)),
        }
      : null;
  return { valid: true as const, name: enrolment.staff.displayName, step: enrolment.step, secondFactor, title };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const enrolment = await findEnrolment(params.token ?? "");
  if (!enrolment) return { done: null, result: null, message: "invalidLink" as const };
  const formData = await request.formData();
  if (formData.get("intent") === "password") {
    const submission = parseWithZod(formData, {
      schema: PasswordSchema.superRefine((value, ctx) => {
        const problem = staffPasswordProblem(value.password, enrolment.staff.email);
        if (problem) ctx.addIssue({ code: "custom", message: `staff-auth:errors.${problem}`, path: ["password"] });
      }),
    });
    if (submission.status !== "success") {
      return { done: null, result: submission.reply({ hideFields: ["password", "confirm"] }), message: null };
    }
    await choosePassword(enrolment, submission.value.password).catch((error: unknown) => {
      // Nothing was written: the error page says to try again shortly.
      if (isHashingBusy(error)) throw new Response("Busy", { status: 503, headers: { "Retry-After": String(HASHING_RETRY_AFTER_SECONDS) } });
      throw error;
    });
    return { done: null, result: submission.reply({ resetForm: true }), message: null };
  }
  const submission = parseWithZod(formData, { schema: CodeSchema });
  if (submission.status !== "success") return { done: null, result: submission.reply(), message: null };
  const confirmed = await confirmSecondFactor(enrolment, submission.value.code, clientHash(context.clientAddress));
  if (!confirmed) return { done: null, result: submission.reply({ resetForm: true }), message: "codeWrong" as const };
  await revokePresentedStaffSession(request);
  return data({ done: { recoveryCodes: confirmed.recoveryCodes }, result: null, message: null }, { headers: { "Set-Cookie": confirmed.setCookie } });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [...titleOr(data?.title, matches), { name: "robots", content: "noindex" }];

export default function Enrol() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("staff-auth");
  if (actionData?.done) return <RecoveryCodes codes={actionData.done.recoveryCodes} />;
  if (!loaderData.valid || actionData?.message === "invalidLink") {
    return (
      <>
        <h1>{t("enrol.title")}</h1>
        <FormMessage message={t("enrol.invalidLink")} error />
      </>
    );
  }
  return (
    <>
      <h1>{t("enrol.title")}</h1>
      {loaderData.step === "password" || !loaderData.secondFactor ? (
        <PasswordStep name={loaderData.name} lastResult={actionData?.result} />
      ) : (
        <SecondFactorStep
          secret={loaderData.secondFactor.secret}
          qrSvg={loaderData.secondFactor.qrSvg}
          lastResult={actionData?.result}
          wrongCode={actionData?.message === "codeWrong"}
        />
      )}
    </>
  );
}

type LastResult = SubmissionResult<string[]> | null | undefined;

function PasswordStep({ name, lastResult }: { name: string; lastResult: LastResult }) {
  const { t } = useTranslation("staff-auth");
  const [form, fields] = useForm<z.input<typeof PasswordSchema>>({
    id: "password-step",
    lastResult,
    constraint: getZodConstraint(PasswordSchema),
    shouldValidate: "onSubmit",
  });
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <p>{t("enrol.passwordIntro", { name })}</p>
      <input type="hidden" name="intent" value="password" />
      <Field field={fields.password} label={t("enrol.password")}>
        <input {...getInputProps(fields.password, { type: "password" })} autoComplete="new-password" />
      </Field>
      <Field field={fields.confirm} label={t("enrol.confirm")}>
        <input {...getInputProps(fields.confirm, { type: "password" })} autoComplete="new-password" />
      </Field>
      <div>
        <button type="submit">{t("enrol.passwordSubmit")}</button>
      </div>
    </Form>
  );
}

function SecondFactorStep({ secret, qrSvg, lastResult, wrongCode }: { secret: string; qrSvg: string; lastResult: LastResult; wrongCode: boolean }) {
  const { t } = useTranslation("staff-auth");
  const [form, fields] = useForm<z.input<typeof CodeSchema>>({
    id: "code-step",
    lastResult,
    constraint: getZodConstraint(CodeSchema),
  });
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <p>{t("enrol.totpIntro")}</p>
      {/* SVG made by the qrcode library from our own otpauth URI; nothing typed by anyone. */}
      <div className="qr" role="img" aria-label={t("enrol.qrLabel")} dangerouslySetInnerHTML={{ __html: qrSvg }} />
      <p>
        {t("enrol.secretLabel")}: <code data-testid="totp-secret">{secret}</code>
      </p>
      <FormMessage message={wrongCode ? t("enrol.codeWrong") : null} error />
      <input type="hidden" name="intent" value="second-factor" />
      <Field field={fields.code} label={t("enrol.code")}>
        <input {...getInputProps(fields.code, { type: "text" })} autoComplete="one-time-code" inputMode="numeric" />
      </Field>
      <div>
        <button type="submit">{t("enrol.codeSubmit")}</button>
      </div>
    </Form>
  );
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation("staff-auth");
  return (
    <>
      <h1>{t("enrol.done")}</h1>
      <p>{t("enrol.recoveryIntro")}</p>
      <h2>{t("enrol.recoveryHeading")}</h2>
      <ul className="recovery-codes" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p>
        <a href="/staff">{t("enrol.continue")}</a>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

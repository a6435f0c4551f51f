// The customer's new password. For an account whose leaked password was reset, /my leads
// here first; every refusal says why; a meter (asking /my/password-strength as they type)
// helps before that.
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import * as z from "zod";
import { StrengthMeter } from "~/components/strength-meter";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormMessage } from "~/components/forms";
import { getLanguage, i18next } from "~/i18n/i18next.server";
import { changeCustomerPassword } from "~/models/customer-password.server";
import { clientHash } from "~/utils/client-address.server";
import { requireCustomer } from "~/utils/guards.server";
import { HASHING_RETRY_AFTER_SECONDS, isHashingBusy } from "~/utils/hashing-queue.server";
import { limitedAnswer, passRetryAfter } from "~/utils/retry-after.server";
import { titleOr } from "~/utils/page-title";

export const handle = { i18n: ["common", "desk", "account"] };
export const headers = passRetryAfter;

// Lengths are the policy's to judge (after normalising); this only keeps absurd input out.
const PasswordSchema = z
  .object({
    currentPassword: z.string().max(1024, "account:password.problems.too-long").optional(),
    password: z.string({ error: "account:password.problems.required" }).max(1024, "account:password.problems.too-long"),
    confirm: z.string({ error: "account:password.problems.confirmRequired" }).max(1024, "account:password.problems.too-long"),
  })
  .refine((value) => value.password === value.confirm, { path: ["confirm"], message: "account:password.problems.mismatch" });

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireCustomer(request);
  const t = await i18next.getFixedT(request, "account");
  return {
    forced: session.mustChangePassword,
    askCurrent: session.verifiedBy === "password",
    title: t("password.title"),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requireCustomer(request);
  const submission = parseWithZod(await request.formData(), { schema: PasswordSchema });
  const hidden = { hideFields: ["currentPassword", "password", "confirm"] };
  if (submission.status !== "success") return { result: submission.reply(hidden), busy: false };
  try {
    const outcome = await changeCustomerPassword({
      session,
      password: submission.value.password,
      currentPassword: submission.value.currentPassword,
      language: await getLanguage(request),
      clientHash: clientHash(context.clientAddress),
    });
    if (!outcome.ok && outcome.problem === "limited") {
      const reply = submission.reply({ ...hidden, fieldErrors: { currentPassword: ["account:password.problems.limited"] } });
      return limitedAnswer(request, outcome.retryAt, () => ({ result: reply, busy: false }));
    }
    if (!outcome.ok) {
      const field = outcome.problem === "current-wrong" ? "currentPassword" : "password";
      return { result: submission.reply({ ...hidden, fieldErrors: { [field]: [`account:password.problems.${outcome.problem}`] } }), busy: false };
    }
    return redirect("/my?password=changed", { headers: { "Set-Cookie": outcome.setCookie } });
  } catch (error) {
    if (!isHashingBusy(error)) throw error;
    return data({ result: submission.reply(hidden), busy: true }, { status: 503, headers: { "Retry-After": String(HASHING_RETRY_AFTER_SECONDS) } });
  }
}

export default function ChangePassword() {
  const { forced, askCurrent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("account");
  const navigation = useNavigation();
  const [shown, setShown] = useState(false);
  const [password, setPassword] = useState("");
  const [form, fields] = useForm<z.input<typeof PasswordSchema>>({
    lastResult: actionData?.result,
    constraint: getZodConstraint(PasswordSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PasswordSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const type = shown ? "text" : "password";
  return (
    <>
      <h1>{t("password.title")}</h1>
      <p>{forced ? t("password.forcedIntro") : t("password.intro")}</p>
      <p>
        <a href="/my">{t("password.back")}</a>
      </p>
      <p id="password-rules">{t("password.rules")}</p>
      <FormMessage message={actionData?.busy ? t("password.busy") : null} error />
      <Form method="post" className="stack" {...getFormProps(form)}>
        {askCurrent ? (
          <Field field={fields.currentPassword} label={t("password.current")}>
            <input {...getInputProps(fields.currentPassword, { type })} autoComplete="current-password" />
          </Field>
        ) : null}
        <Field field={fields.password} label={t("password.new")}>
          <input
            {...getInputProps(fields.password, { type })}
            autoComplete="new-password"
            aria-describedby={`password-rules password-strength ${fields.password.errors ? fields.password.errorId : ""}`.trim()}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
        </Field>
        <StrengthMeter password={password} refused={Boolean(fields.password.errors?.length)} />
        <Field field={fields.confirm} label={t("password.confirm")}>
          <input {...getInputProps(fields.confirm, { type })} autoComplete="new-password" />
        </Field>
        <label className="checkbox">
          <input type="checkbox" checked={shown} onChange={(event) => setShown(event.currentTarget.checked)} /> {t("password.show")}
        </label>
        <div>
          <button type="submit" disabled={navigation.state === "submitting"}>
            {t("password.submit")}
          </button>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// Customer sign-in with the email address and the password chosen after the incident.
// Every failure gets the same answer, which also explains the reset: the leaked password
// (or none chosen yet) is met with the way in by mail, without telling anyone whether the
// address is known or the leaked password was right.
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { addressSchema } from "~/domain/email-address";
import { Field, FormMessage } from "~/components/forms";
import { i18next } from "~/i18n/i18next.server";
import { signInCustomer } from "~/models/customer-password.server";
import { revokePresentedCustomerSession } from "~/models/customer-session.server";
import { clientHash } from "~/utils/client-address.server";
import { requireSameOrigin } from "~/utils/guards.server";
import { HASHING_RETRY_AFTER_SECONDS, isHashingBusy } from "~/utils/hashing-queue.server";
import { titleOr } from "~/utils/page-title";
import { limitedAnswer, passRetryAfter } from "~/utils/retry-after.server";

export const handle = { i18n: ["common", "desk", "account"] };
export const headers = passRetryAfter;

const SignInSchema = z.object({
  email: addressSchema("account:signIn.errors.required"),
  password: z.string({ error: "account:signIn.errors.passwordRequired" }).max(1024, "account:signIn.errors.tooLong"),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await i18next.getFixedT(request, "account");
  return { title: t("signIn.title") };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export async function action({ request, context }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const submission = parseWithZod(await request.formData(), { schema: SignInSchema });
  const hidden = { hideFields: ["password"] };
  if (submission.status !== "success") return { result: submission.reply(hidden), message: null };
  try {
    const outcome = await signInCustomer({ ...submission.value, clientHash: clientHash(context.clientAddress) });
    if (outcome.ok) {
      await revokePresentedCustomerSession(request);
      return redirect("/my", { headers: { "Set-Cookie": outcome.setCookie } });
    }
    if (outcome.reason === "limited") {
      return limitedAnswer(request, outcome.retryAt, (time) => ({ result: submission.reply(hidden), message: { key: "limited" as const, time } }));
    }
    return { result: submission.reply(hidden), message: { key: "failed" as const } };
  } catch (error) {
    if (!isHashingBusy(error)) throw error;
    return data(
      { result: submission.reply(hidden), message: { key: "busy" as const } },
      { status: 503, headers: { "Retry-After": String(HASHING_RETRY_AFTER_SECONDS) } },
    );
  }
}

export default function SignIn() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("account");
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof SignInSchema>>({
    lastResult: actionData?.result,
    constraint: getZodConstraint(SignInSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignInSchema }),
    shouldValidate: "onBlur",
  });
  const message = actionData?.message;
  return (
    <>
      <h1>{t("signIn.title")}</h1>
      <p>{t("signIn.intro")}</p>
      <FormMessage message={message ? (message.key === "limited" ? t("signIn.limited", { time: message.time }) : t(`signIn.${message.key}`)) : null} error />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <Field field={fields.email} label={t("signIn.email")}>
          <input {...getInputProps(fields.email, { type: "email" })} autoComplete="email" />
        </Field>
        <Field field={fields.password} label={t("signIn.password")}>
          <input {...getInputProps(fields.password, { type: "password" })} autoComplete="current-password" />
        </Field>
        <div>
          <button type="submit" disabled={navigation.state === "submitting"}>
            {t("signIn.submit")}
          </button>
        </div>
      </Form>
      <p>
        <a href="/check">{t("signIn.useLink")}</a>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// "Am I affected?": the visitor gives an address and gets the answer in that mailbox.
// Whatever the address, the response is the same page, produced by the same work; what
// differs (known or not, which mail) is worked out later by a background job on its own
// clock (app/jobs/background.server.ts), so it shows neither in this response's timing
// nor in that of the visitor's next request.
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Honeypot } from "~/components/honeypot";
import { Field, FormMessage } from "~/components/forms";
import { getConfig } from "~/config.server";
import { getLanguage, i18next } from "~/i18n/i18next.server";
import { requestCheck } from "~/models/check.server";
import { clientHash } from "~/utils/client-address.server";
import { formatDateTime } from "~/utils/format";
import { passRetryAfter } from "~/utils/hashing-queue.server";
import { requireSameOrigin } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";

export const handle = { i18n: ["common", "desk", "check"] };
export const headers = passRetryAfter;

/** The field a person never sees; a bot that fills every field fills this one too. */
const HONEYPOT = "website";

const CheckSchema = z.object({
  email: z
    .string({ error: "check:errors.required" })
    .trim()
    .max(254, "check:errors.tooLong")
    .email("check:errors.email"),
  [HONEYPOT]: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await i18next.getFixedT(request, "check");
  return { title: t("title") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const submission = parseWithZod(await request.formData(), { schema: CheckSchema });
  if (submission.status !== "success") return { status: "invalid" as const, result: submission.reply() };
  // A bot gets the same answer as a person, and nothing happens.
  if (submission.value[HONEYPOT]) return { status: "sent" as const };

  const language = await getLanguage(request);
  const outcome = await requestCheck({ email: submission.value.email, language, clientHash: clientHash(context.clientAddress) });
  if (outcome.limited) {
    // 429 with Retry-After: the same for a known address and an unknown one.
    const retryAfter = Math.max(1, Math.ceil((outcome.retryAt.getTime() - Date.now()) / 1000));
    return data(
      { status: "limited" as const, retryAt: formatDateTime(outcome.retryAt, language, getConfig().DESK_TIME_ZONE), result: submission.reply() },
      { status: 429, headers: { "Retry-After": String(retryAfter) } },
    );
  }
  // Deliberately nothing about the address: not even the address itself.
  return { status: "sent" as const };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export default function CheckPage() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("check");
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof CheckSchema>>({
    lastResult: actionData && "result" in actionData ? actionData.result : undefined,
    constraint: getZodConstraint(CheckSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CheckSchema }),
    shouldValidate: "onBlur",
  });

  if (actionData?.status === "sent") {
    return (
      <section aria-labelledby="sent-heading">
        <h1 id="sent-heading">{t("sent.title")}</h1>
        <p role="status">{t("sent.body")}</p>
        <p>
          <a href="/check">{t("sent.again")}</a>
        </p>
      </section>
    );
  }

  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <p>{t("privacy")}</p>
      <FormMessage message={actionData?.status === "limited" ? t("limited", { time: actionData.retryAt }) : null} error />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <Field field={fields.email} label={t("email")}>
          <input {...getInputProps(fields.email, { type: "email" })} autoComplete="email" />
        </Field>
        <Honeypot id="check-website" name={HONEYPOT} label={t("honeypot")} />
        <div>
          <button type="submit" disabled={navigation.state === "submitting"}>
            {t("submit")}
          </button>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

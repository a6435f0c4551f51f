// Privacy officers upload the file of affected records here. The first upload is only read
// for its preview (the encoding and the first names as decoded, ADR 019) and then deleted;
// the officer confirms, and the same file, sent again with the preview's digest, is streamed
// to a temporary file, checked and imported in the background, and its run page shows the
// progress. Sending it twice keeps no upload on one instance waiting for a second request
// that another instance may receive.
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import * as z from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormMessage } from "~/components/forms";
import { FilePreview } from "~/components/import/file-preview";
import { ImportRunTable } from "~/components/import/run-table";
import { WrapStatus, type WrapStatusView } from "~/components/import/wrap-status";
import { useLiveRevalidation } from "~/components/use-live-revalidation";
import { getConfig } from "~/config.server";
import { i18next } from "~/i18n/i18next.server";
import { recordAudit } from "~/models/audit.server";
import { startImportInBackground } from "~/models/import/background.server";
import { createImportRun, ImportBusyError, listRecentRuns, retireStaleRuns } from "~/models/import/runs.server";
import { getWrapState } from "~/jobs/legacy-hash-wrap.server";
import { previewImportFile } from "~/models/import/preview.server";
import { MAX_UPLOAD_BYTES, receiveUpload } from "~/models/import/upload.server";
import { clientHash } from "~/utils/client-address.server";
import { requireStaff } from "~/utils/guards.server";
import { titleOr } from "~/utils/page-title";

export const handle = { i18n: ["common", "staff", "staff-import"] };
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

// A File in the browser, a file on disk on the server: both have a size.
const UploadSchema = z.object({
  file: z.custom<Blob>((value) => ((value as Blob | null)?.size ?? 0) > 0, "staff-import:upload.missing"),
  intent: z.enum(["preview", "import"]).default("preview"),
  /** The digest of the preview the officer confirmed (with intent "import"). */
  previewed: z.string().max(100).optional(),
});

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args, "manage:affected-records");
  const t = await i18next.getFixedT(args.request, "staff-import");
  const maxSize = `${MAX_UPLOAD_BYTES / 1024 / 1024} MB`;
  // A run whose process died reads as abandoned from the moment its heartbeat is stale.
  await retireStaleRuns();
  const [runs, wrap] = await Promise.all([listRecentRuns(), wrapStatusView()]);
  return { title: t("staff:pageTitle", { page: t("title") }), runs, wrap, timeZone: getConfig().DESK_TIME_ZONE, maxSize };
}

async function wrapStatusView(now = Date.now()): Promise<WrapStatusView> {
  const state = await getWrapState();
  const seconds = state.startedAt ? ((state.finishedAt?.getTime() ?? now) - state.startedAt.getTime()) / 1000 : 0;
  const rate = seconds > 0 ? state.done / seconds : null;
  return {
    ...state,
    startedAt: state.startedAt?.toISOString() ?? null,
    finishedAt: state.finishedAt?.toISOString() ?? null,
    rate,
    secondsLeft: state.running && rate ? Math.max(state.total - state.done, 0) / rate : null,
  };
}

export async function action(args: ActionFunctionArgs) {
  const staff = await requireStaff(args, "manage:affected-records");
  const received = await receiveUpload(args.request);
  const upload = typeof received === "string" ? null : received;
  const submission = parseWithZod(upload?.formData ?? new FormData(), { schema: UploadSchema });
  if (received === "too-large") {
    return data(
      { result: submission.reply({ fieldErrors: { file: ["staff-import:upload.tooLarge"] } }), busy: false, preview: null, refusedAt: null },
      { status: 413 },
    );
  }
  if (received === "malformed") {
    return data(
      { result: submission.reply({ fieldErrors: { file: ["staff-import:upload.malformed"] } }), busy: false, preview: null, refusedAt: null },
      { status: 400 },
    );
  }
  if (submission.status !== "success" || !upload?.file)
    return data({ result: submission.reply(), busy: false, preview: null, refusedAt: null }, { status: 400 });
  const { file, fileName } = upload;
  // The size is read from the disk: read it while the file is there.
  const bytes = file.size;
  const client = clientHash(args.context.clientAddress);
  const preview = await previewImportFile(file.getFilePath(), bytes).catch(async (error: unknown) => {
    await file.remove();
    throw error;
  });
  const confirmed = submission.value.intent === "import" && submission.value.previewed === preview.digest;
  if (!confirmed) {
    await file.remove();
    // The names are personal data shown to the officer: the view is on record (never the names).
    await recordAudit({
      actor: staff,
      action: "import.preview",
      clientHash: client,
      result: preview.refusedAt === null ? "ok" : "failed",
      details: { fileName, bytes, encoding: preview.encoding, namesShown: preview.names.length, refusedAt: preview.refusedAt },
    });
    if (preview.refusedAt !== null) {
      const refused = submission.reply({ fieldErrors: { file: ["staff-import:encoding.refused"] }, hideFields: ["file"] });
      return data({ result: refused, busy: false, preview: null, refusedAt: preview.refusedAt }, { status: 400 });
    }
    const changed = submission.value.intent === "import";
    // The file goes back with the form, not in the reply (the browser still holds it).
    return data({ result: submission.reply({ hideFields: ["file"] }), busy: false, preview: { ...preview, fileName, changed }, refusedAt: null });
  }
  try {
    const run = await createImportRun(
      { source: "upload", fileName, bytesTotal: bytes, startedById: staff.id },
      { actor: staff, action: "import.upload", clientHash: client, result: "ok", details: { fileName, bytes, encoding: preview.encoding } },
    );
    startImportInBackground({ runId: run.id, filePath: file.getFilePath(), bytesTotal: bytes, actor: staff, clientHash: client });
    return redirect(`/staff/import/${run.id}`);
  } catch (error) {
    await file.remove();
    if (!(error instanceof ImportBusyError)) throw error;
    return data({ result: submission.reply({ resetForm: true }), busy: true, preview: null, refusedAt: null }, { status: 409 });
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleOr(data?.title, matches);

export default function ImportPage() {
  const { runs, wrap, timeZone, maxSize } = useLoaderData<typeof loader>();
  useLiveRevalidation(wrap.running);
  // The page revalidates every second while the wrap job runs, and a revalidation forgets the
  // action's reply: the last reply (a preview, a refusal) stays until the next one, and a
  // preview until another file is chosen.
  const latest = useActionData<typeof action>();
  const [kept, setKept] = useState({ from: latest, reply: latest });
  if (latest && latest !== kept.from) setKept({ from: latest, reply: latest });
  const actionData = kept.reply;
  const forgetPreview = () => setKept((current) => ({ ...current, reply: current.reply && { ...current.reply, preview: null } }));
  const uploading = useNavigation().state === "submitting";
  const preview = actionData?.preview ?? null;
  const refusedAt = actionData?.refusedAt ?? null;
  const { t } = useTranslation("staff-import");
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: UploadSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <section aria-labelledby="import-format">
        <h2 id="import-format">{t("format.heading")}</h2>
        <p>{t("format.text")}</p>
      </section>
      <section aria-labelledby="import-upload">
        <h2 id="import-upload">{t("upload.heading")}</h2>
        {actionData?.busy ? <FormMessage error message={t("upload.busy")} /> : null}
        <Form method="post" encType="multipart/form-data" className="stack" {...getFormProps(form)}>
          <Field
            field={fields.file}
            label={t("upload.file")}
            hint={t("format.limit", { size: maxSize })}
            formatMessage={(message) => t(message, { size: maxSize, line: refusedAt })}
          >
            <input
              {...getInputProps(fields.file, { type: "file", ariaDescribedBy: `${fields.file.id}-hint` })}
              accept=".csv,text/csv"
              onChange={forgetPreview}
            />
          </Field>
          <div>
            <button type="submit" name="intent" value="preview" disabled={uploading} className={preview ? "secondary" : undefined}>
              {t("upload.submit")}
            </button>
          </div>
          {preview ? <FilePreview preview={preview} uploading={uploading} /> : null}
        </Form>
      </section>
      <section aria-labelledby="import-runs">
        <h2 id="import-runs">{t("runs.heading")}</h2>
        {runs.length > 0 ? <ImportRunTable runs={runs} timeZone={timeZone} /> : <p>{t("runs.empty")}</p>}
      </section>
      <section aria-labelledby="import-wrap">
        <h2 id="import-wrap">{t("wrap.heading")}</h2>
        <p>{t("wrap.intro")}</p>
        <WrapStatus wrap={wrap} timeZone={timeZone} />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

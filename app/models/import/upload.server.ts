// Receiving an uploaded import file: streamed to a private temporary folder on disk (never
// held in memory), with a size limit that ends the upload as soon as it is passed.
import { randomUUID } from "node:crypto";
import { mkdir, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  MaxPartSizeExceededError,
  NodeOnDiskFile,
  unstable_composeUploadHandlers,
  unstable_createFileUploadHandler,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";

// A million lines are about 120 MB; larger files go through the command line on the server.
export const MAX_UPLOAD_BYTES = 256 * 1024 * 1024;

/** Where uploads wait for their import: private to this process's user. */
export function uploadDirectory(): string {
  return path.join(tmpdir(), "madoguchi-import");
}

/** An upload still being received is written to all the time; one left this long is no one's. */
export const LEFTOVER_UPLOAD_MS = 30 * 60_000;

/**
 * Removes uploaded files (personal data) that a killed process left behind: older than
 * LEFTOVER_UPLOAD_MS and not the file of an import this process is running.
 */
export async function sweepLeftoverUploads(inUse: ReadonlySet<string>, now = Date.now(), directory = uploadDirectory()): Promise<number> {
  const names = await readdir(directory).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const file = path.join(directory, name);
    if (inUse.has(file)) continue;
    const modified = await stat(file).then(
      (info) => info.mtimeMs,
      () => null,
    );
    if (modified === null || now - modified < LEFTOVER_UPLOAD_MS) continue;
    await rm(file, { force: true });
    removed++;
  }
  return removed;
}

export interface ReceivedUpload {
  formData: FormData;
  file: NodeOnDiskFile | null;
  /** The name the file had on the uploader's computer (the copy on disk gets a random one). */
  fileName: string;
}

/** The form's only text fields: which button was pressed, and the preview it confirms. */
const TEXT_FIELDS = ["intent", "previewed"];

/**
 * "malformed": the multipart body was cut off or isn't multipart at all (the parser throws a
 * plain Error for that, which surfaced as a 500). Only the file field and the form's two short
 * text fields are kept: Conform would read a part named "a[999999999]" as an array of a
 * billion entries.
 */
export async function receiveUpload(request: Request): Promise<ReceivedUpload | "not-multipart" | "too-large" | "malformed"> {
  // Anything else would make the multipart parser throw (and the page answer 500).
  if (!/^multipart\/form-data;\s*boundary=/i.test(request.headers.get("Content-Type") ?? "")) return "not-multipart";
  const directory = uploadDirectory();
  await mkdir(directory, { recursive: true, mode: 0o700 });
  let fileName = "upload.csv";
  try {
    const formData = await unstable_parseMultipartFormData(
      request,
      unstable_composeUploadHandlers(
        unstable_createFileUploadHandler({
          directory,
          maxPartSize: MAX_UPLOAD_BYTES,
          // Only the one file field is written to disk, under a random name.
          filter: ({ name, filename }) => {
            if (name !== "file") return false;
            fileName = path.basename(filename.replaceAll("\\", "/")).slice(0, 200) || fileName;
            return true;
          },
          file: () => `${randomUUID()}.csv`,
        }),
        unstable_createMemoryUploadHandler({ maxPartSize: 200, filter: ({ name, filename }) => filename === undefined && TEXT_FIELDS.includes(name) }),
      ),
    );
    const file = formData.get("file");
    const kept = new FormData();
    if (file !== null) kept.set("file", file);
    for (const name of TEXT_FIELDS) {
      const value = formData.get(name);
      if (typeof value === "string") kept.set(name, value);
    }
    return { formData: kept, file: file instanceof NodeOnDiskFile ? file : null, fileName };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return "too-large";
    // A failing disk (ENOSPC, EACCES…) carries an errno code and is the server's fault.
    if (error instanceof Error && !("code" in error)) return "malformed";
    throw error;
  }
}

// The preview of an import file on disk (app/domain/import/preview.ts), read from its start,
// with a digest of what was read: the back office imports a file only with the digest of the
// preview the officer confirmed, so what is written is what was shown.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { ImportPreviewReader, type ImportPreview } from "~/domain/import/preview";

export type FilePreview = ImportPreview & {
  /** SHA-256 of the file's size and the bytes the preview read, base64url. */
  digest: string;
};

export async function previewImportFile(filePath: string, size: number): Promise<FilePreview> {
  const reader = new ImportPreviewReader();
  const hash = createHash("sha256").update(`${size}:`);
  const stream = createReadStream(filePath, { highWaterMark: 256 * 1024 });
  let wholeFile = true;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      hash.update(chunk);
      if (!reader.push(chunk)) {
        wholeFile = false;
        break;
      }
    }
  } finally {
    stream.destroy();
  }
  return { ...reader.end(wholeFile), digest: hash.digest("base64url") };
}

import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LEFTOVER_UPLOAD_MS, sweepLeftoverUploads } from "./upload.server";

const now = Date.now();
let directory = "";

function upload(name: string, ageMs: number): string {
  const file = path.join(directory, name);
  writeFileSync(file, "external_id,email\n");
  const seconds = (now - ageMs) / 1000;
  utimesSync(file, seconds, seconds);
  return file;
}

afterEach(() => rmSync(directory, { recursive: true, force: true }));

describe("sweepLeftoverUploads", () => {
  it("removes uploads left past the limit, and keeps recent ones and those an import reads", async () => {
    directory = mkdtempSync(path.join(tmpdir(), "madoguchi-upload-test-"));
    const leftover = upload("leftover.csv", LEFTOVER_UPLOAD_MS + 1_000);
    const receiving = upload("receiving.csv", 5_000);
    const importing = upload("importing.csv", 3 * LEFTOVER_UPLOAD_MS);

    expect(await sweepLeftoverUploads(new Set([importing]), now, directory)).toBe(1);
    expect([existsSync(leftover), existsSync(receiving), existsSync(importing)]).toEqual([false, true, true]);
  });

  it("does nothing when no upload was ever received", async () => {
    directory = path.join(tmpdir(), "madoguchi-upload-test-never-made");
    expect(await sweepLeftoverUploads(new Set(), now, directory)).toBe(0);
  });
});

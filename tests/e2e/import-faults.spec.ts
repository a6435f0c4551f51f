// An import whose process is killed (SIGKILL): the back office's upload with the server under
// it, and the command in the middle of its merge. Nothing of a killed run is written, the run
// reads as abandoned once its heartbeat is stale (not "running" forever), the next import is
// not blocked, and importing the file again writes every record exactly once.
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { uploadImportFile } from "../support/import-upload";
import { OWN_SERVER } from "../support/tags";
import { startOwnServer, type OwnServer } from "../support/own-server";
import { secretsFileFor } from "../support/secrets-file";
import { signInAs } from "../support/staff";

// Large enough that reading takes seconds and the merge a noticeable moment on this machine.
const LINES = 60_000;
const HEADER = "external_id,email,name,registered_on,group,categories,period_from,period_until,legacy_hash,legacy_hash_algorithm";

function bigFile(path: string): void {
  const lines = [HEADER];
  for (let n = 1; n <= LINES; n++) lines.push(`fault-${n},fault-${n}@example.org,Person ${n},,members,email;name,,,,`);
  writeFileSync(path, `${lines.join("\n")}\n`);
}

function fileRecords(server: OwnServer) {
  const customers = server.db.customer.count({ where: { externalId: { startsWith: "fault-" } } });
  const exposures = server.db.customerExposure.count({ where: { customer: { externalId: { startsWith: "fault-" } } } });
  return Promise.all([customers, exposures]);
}

test(
  "an import killed half way, by the upload's server or the command, is abandoned truthfully and imports exactly once when run again",
  OWN_SERVER,
  async ({ browser }, testInfo) => {
    test.setTimeout(240_000);
    const server = await startOwnServer({ E2E_SMTP_PORT: "off" });
    try {
      const db = server.db;
      const file = testInfo.outputPath("affected.csv");
      bigFile(file);
      const run = (id: string) => db.importRun.findUniqueOrThrow({ where: { id }, select: { status: true, linesRead: true, finishedAt: true } });
      const context = await browser.newContext({ baseURL: server.url, locale: "ja-JP" });
      await signInAs(context, "privacy-officer", "Officer", server);
      const page = await context.newPage();

      // 1. The server killed while its worker reads the upload.
      const uploaded = await uploadImportFile(page, file);
      await expect.poll(() => db.importStagingRow.count(), { timeout: 60_000, intervals: [50] }).toBeGreaterThan(0);
      await server.kill();
      expect(await run(uploaded)).toMatchObject({ status: "reading", finishedAt: null });
      expect((await run(uploaded)).linesRead).toBeLessThan(LINES);
      expect(await fileRecords(server)).toEqual([0, 0]);

      // Restarted, the run's page shows it abandoned once its heartbeat is stale (20 s), with nothing written.
      await server.restart();
      await page.goto(`/staff/import/${uploaded}`);
      await expect(page.getByTestId("import-status")).toHaveText("中断", { timeout: 60_000 });
      await expect(
        page.getByText("取り込みが途中で止まりました（処理が終了しました）。何も書き込んでいません。もう一度アップロードしてください。"),
      ).toBeVisible();
      // The page's loader and the housekeeping job both retire a stale run; whichever marked it
      // abandoned empties its staging in batches, so the emptying is waited for, not raced.
      await expect.poll(() => db.importStagingRow.count(), { timeout: 30_000 }).toBe(0);
      expect(await fileRecords(server)).toEqual([0, 0]);

      // 2. The command killed in the middle of its merge: the merge's transaction is rolled back.
      const env = JSON.parse(readFileSync(secretsFileFor(server.port), "utf8")) as Record<string, string>;
      // One process (node with tsx's loader, not the tsx wrapper), so that SIGKILL reaches the import itself.
      const command = spawn(process.execPath, ["--import", "tsx", "app/cli/import-affected.ts", file], {
        env: { ...process.env, ...env, PUBLIC_ORIGIN: server.url, LOG_LEVEL: "silent" },
        stdio: "ignore",
      });
      const commandExited = new Promise((resolve) => command.once("exit", resolve));
      const merging = () => db.importRun.findFirst({ where: { source: "cli", status: "merging" }, select: { id: true } });
      await expect.poll(merging, { timeout: 90_000, intervals: [20] }).not.toBeNull();
      command.kill("SIGKILL");
      await commandExited;
      const killed = (await merging())!.id;
      expect(await fileRecords(server)).toEqual([0, 0]);

      // The dead merge holds no lock: its run is abandoned once stale, and the next upload is taken.
      await page.goto(`/staff/import/${killed}`);
      await expect(page.getByTestId("import-status")).toHaveText("中断", { timeout: 60_000 });
      await page.goto("/staff/import");
      await expect(page.getByRole("row", { name: /affected\.csv/ }).first()).toContainText("中断");
      const again = await uploadImportFile(page, file);
      await expect(page.getByTestId("import-status")).toHaveText("完了", { timeout: 120_000 });
      await expect(page.getByTestId("import-outcome")).toContainText(`${LINES} 行から、${LINES} 人を追加、0 人を更新し、影響 ${LINES} 件を書き込みました。`);
      expect(await fileRecords(server)).toEqual([LINES, LINES]);
      await expect.poll(() => db.importStagingRow.count(), { timeout: 30_000 }).toBe(0);
      expect(await db.importRun.findMany({ orderBy: { startedAt: "asc" }, select: { id: true, status: true } })).toEqual([
        { id: uploaded, status: "abandoned" },
        { id: killed, status: "abandoned" },
        { id: again, status: "completed" },
      ]);
      await context.close();
    } finally {
      await server.stop();
    }
  },
);

// The notification to each affected person (issue 21, ADR 031), on servers of their own: a
// campaign mails every person in the records, which no other spec may observe. Drafted and
// checked against the law's items, previewed, test-mailed, refused to its own author, approved
// by a second officer, then sent to the demo's few hundred people through a real SMTP receiver
// with the app killed on the way; and steered: paused, resumed and cancelled.
import { generateKeyPairSync } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { ImapFlow } from "imapflow";
import { dkimVerify } from "mailauth/lib/dkim/verify.js";
import { expect, test, type Browser, type Page } from "@playwright/test";
import type { Db } from "../../app/db/client.server";
import { decryptField, parseKeyRing } from "../../app/utils/personal-data.server";
import { afterWholeRuns, ownInstance } from "../support/background-runs";
import { runCommand } from "../support/cli";
import { mailTo, waitForMailAbout } from "../support/mailbox";
import { startImapServer } from "../support/imap-server";
import { freePort, startOwnServer, type OwnServer } from "../support/own-server";
import { secretsFileFor } from "../support/secrets-file";
import { startSmtpReceiver } from "../support/smtp-receiver";
import { signInAs, type TestStaff } from "../support/staff";
import { OWN_SERVER } from "../support/tags";

const TEXTS = {
  subjectJa: "【デモ通販】個人情報漏えいに関するお知らせとお詫び",
  subjectEn: "[Demo Shop] Notice and apology about the personal data leak",
  introJa:
    "平素より当社をご利用いただき、誠にありがとうございます。\n\nこのたび、お客様の個人情報が漏えいしたおそれがあることが判明しました。深くお詫び申し上げます。",
  introEn: "Thank you for shopping with us.\n\nWe have found that your personal data may have leaked. We sincerely apologise.",
  causeJa: "お問い合わせフォームの脆弱性を突いた不正アクセスによるものです。",
  causeEn: "An intrusion through a flaw in our contact form.",
  harmJa: "当社を装ったフィッシングメールが届くおそれがあります。",
  harmEn: "You may receive phishing mails that pretend to come from us.",
  otherJa: "窓口サイトで、漏えいした情報の確認とパスワードの変更ができます。",
  otherEn: "On the desk's site you can see what leaked and change your password.",
};

interface Officer {
  page: Page;
  staff: TestStaff;
}

async function officer(browser: Browser, server: OwnServer, name: string): Promise<Officer> {
  const context = await browser.newContext({ baseURL: server.url });
  const staff = await signInAs(context, "privacy-officer", name, server);
  return { page: await context.newPage(), staff };
}

/** The addresses of the people in the records now, unsealed with the server's own key. */
async function addressesInRecords(server: OwnServer): Promise<Map<string, string>> {
  const { DATA_ENCRYPTION_KEYS } = JSON.parse(readFileSync(secretsFileFor(server.port), "utf8")) as { DATA_ENCRYPTION_KEYS: string };
  const ring = parseKeyRing(DATA_ENCRYPTION_KEYS);
  const customers = await server.db.customer.findMany({ select: { id: true, emailCiphertext: true } });
  return new Map(customers.map((customer) => [decryptField(customer.emailCiphertext, ring), customer.id]));
}

/** A campaign with the test's text, drafted by another officer and approved by `approver`, sending `ratePerMinute` once started. */
async function approvedCampaign(server: OwnServer, approver: TestStaff, ratePerMinute: number): Promise<string> {
  const author = await server.db.staffMember.create({
    data: { email: `author-${server.port}@staff.example.com`, displayName: "起案 担当", role: "privacy-officer", status: "active" },
    select: { id: true },
  });
  const { id } = await server.db.notificationCampaign.create({
    data: {
      ...TEXTS,
      summaryJa: "概要",
      summaryEn: "Summary",
      status: "approved",
      createdById: author.id,
      editedById: author.id,
      approvedById: approver.id,
      approvedAt: new Date(),
      ratePerMinute,
    },
    select: { id: true },
  });
  return id;
}

/** Not a test mail to an officer (tests/support/staff.ts gives staff addresses of their own domain). */
const isNotification = (mail: { to: string }) => !mail.to.endsWith("@staff.example.com");

function campaignStatus(db: Db, id: string) {
  return async () => (await db.notificationCampaign.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
}

function recipients(db: Db, id: string, status: string) {
  return () => db.notificationRecipient.count({ where: { campaignId: id, status } });
}

test.describe("the notification to each affected person", OWN_SERVER, () => {
  test("drafted against the law's items, previewed, test-mailed, approved by an officer who didn't write it last, and sent to everyone once, across a crash", async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const smtpPort = await freePort();
    // A claim of 6 s instead of 5 minutes: the mail the killed process held comes back within the test.
    const server = await startOwnServer({ E2E_SMTP_PORT: String(smtpPort), OUTBOX_CLAIM_SECONDS: "6" });
    const dir = `data/mail-own-${server.port}`;
    let campaignId = "";
    // Killed while the mail server holds its answer to the 31st notification, long enough for
    // the process to be gone: that one is not delivered (its sender is gone before the answer)
    // and comes back once the dead process's claim runs out.
    let killed = null as Promise<void> | null;
    let holdThisOne = false;
    // One address whose server says it doesn't exist: recorded against the person at once.
    const unknownUser = "customer007@example.com";
    const receiver = await startSmtpReceiver(smtpPort, dir, {
      refuse: new Map([[unknownUser, { code: 550, message: `5.1.1 <${unknownUser}>: Recipient address rejected: User unknown` }]]),
      onHold: () => {
        if (killed || receiver.accepted.filter(isNotification).length < 30) return;
        killed = server.kill();
        holdThisOne = true;
      },
      answerDelayMs: () => (holdThisOne ? ((holdThisOne = false), 2_000) : 0),
    });
    try {
      // Two privacy officers: one drafts, the other reviews; neither may approve text they saved last.
      const author = await officer(browser, server, "起案 担当");
      const reviewer = await officer(browser, server, "確認 担当");
      const { page } = author;

      // Drafted: the summary starts from the published notice's, without its Markdown. A second
      // tap on the button (the same page's key sent again) opens the same draft.
      await page.goto("/staff/notifications");
      const creationKey = await page.locator('input[name="creationKey"]').inputValue();
      await page.getByRole("button", { name: "本人通知の下書きを作成" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toContainText("下書き");
      campaignId = new URL(page.url()).pathname.split("/").pop()!;
      const again = await page.request.post("/staff/notifications", {
        form: { intent: "create", creationKey },
        headers: { Origin: server.url },
        maxRedirects: 0,
      });
      expect(again.headers().location).toBe(`/staff/notifications/${campaignId}`);
      expect(await server.db.notificationCampaign.count()).toBe(1);
      const summary = page.getByLabel("概要（日本語）");
      await expect(summary).not.toHaveValue("");
      await expect(summary).not.toHaveValue(/\*\*|^#/m);
      const checklist = page.getByRole("region", { name: "承認に必要な項目" });
      const item = (name: string) => checklist.getByRole("listitem").filter({ hasText: name });
      await expect(item("原因")).toContainText("未記載");
      await expect(item("件名")).toContainText("未記載");
      await expect(item("漏えいした情報の項目")).toContainText("お客様ごとに記録から記載");

      // Everything but the English cause, and a rate typed with a Japanese IME.
      await page.getByRole("group", { name: "件名" }).getByLabel("日本語").fill(TEXTS.subjectJa);
      await page.getByRole("group", { name: "件名" }).getByLabel("英語").fill(TEXTS.subjectEn);
      await page.getByLabel("冒頭のあいさつとお詫び（日本語）").fill(TEXTS.introJa);
      await page.getByLabel("冒頭のあいさつとお詫び（英語）").fill(TEXTS.introEn);
      await page.getByLabel("原因（日本語）").fill(TEXTS.causeJa);
      await page.getByLabel("二次被害のおそれ（日本語）").fill(TEXTS.harmJa);
      await page.getByLabel("二次被害のおそれ（英語）").fill(TEXTS.harmEn);
      await page.getByLabel("その他参考となる事項（日本語）").fill(TEXTS.otherJa);
      await page.getByLabel("その他参考となる事項（英語）").fill(TEXTS.otherEn);
      // 10 a second: the app is killed with people still waiting their turn, and others in the outbox.
      await page.getByLabel("1分あたりの送信数").fill("６００");
      await page.getByRole("button", { name: "下書きを保存" }).click();
      await expect(page.getByRole("status")).toHaveText("下書きを保存しました。");
      await expect(item("原因")).toContainText("未記載");
      await expect(item("件名")).toContainText("記載あり");
      expect(await server.db.notificationCampaign.findUniqueOrThrow({ where: { id: campaignId }, select: { ratePerMinute: true } })).toEqual({
        ratePerMinute: 600,
      });

      // Whoever saved the text last is offered no approval, and is refused one asked for anyway.
      await expect(page.getByText("最後に文面を保存したのはご自身のため、承認できません。")).toBeVisible();
      await expect(page.getByRole("button", { name: "この文面を承認する" })).toHaveCount(0);
      const version = await page.locator('input[name="version"]').first().inputValue();
      await page.request.post(page.url(), { form: { intent: "approve", version }, headers: { Origin: server.url } });
      const refused = await server.db.auditEntry.findFirst({ where: { action: "notification.approve", result: "denied", actorId: author.staff.id } });
      expect(refused).not.toBeNull();
      expect(await campaignStatus(server.db, campaignId)()).toBe("draft");

      // The reviewer can't approve what lacks an item; they add it, so now they saved the text last.
      await reviewer.page.goto(`/staff/notifications/${campaignId}`);
      await reviewer.page.getByRole("button", { name: "この文面を承認する" }).click();
      await expect(reviewer.page.getByRole("alert")).toHaveText("承認できません。次の項目が日本語と英語の両方で書かれていません：原因");
      await reviewer.page.getByLabel("原因（英語）").fill(TEXTS.causeEn);
      await reviewer.page.getByRole("button", { name: "下書きを保存" }).click();
      await expect(reviewer.page.getByRole("status")).toHaveText("下書きを保存しました。");
      await expect(reviewer.page.getByRole("region", { name: "承認に必要な項目" }).getByText("未記載")).toHaveCount(0);
      await expect(reviewer.page.getByText("最後に文面を保存したのはご自身のため、承認できません。")).toBeVisible();

      // A preview for a person in two groups, found by the id as an officer pastes it.
      await page.reload();
      const person = await server.db.customer.findUniqueOrThrow({ where: { externalId: "M100004" }, select: { id: true } });
      await page.getByLabel("お客様ID").fill(" Ｍ１０００04 ");
      await page.getByRole("button", { name: "プレビューを表示" }).click();
      const preview = page.getByRole("article", { name: "お客様ごとのプレビュー" });
      await expect(preview).toContainText(`件名：${TEXTS.subjectJa} / ${TEXTS.subjectEn}`);
      for (const text of ["[オンラインショップ会員のお客様]", "[お問い合わせフォームをご利用のお客様]", "[Online shop members]", TEXTS.causeJa, TEXTS.causeEn])
        await expect(preview).toContainText(text);
      await page.getByLabel("お客様ID").fill("M999999");
      await page.getByRole("button", { name: "プレビューを表示" }).click();
      await expect(page.getByRole("alert")).toHaveText("このお客様IDの方は記録にありません。");
      const previewed = await server.db.auditEntry.findFirst({ where: { action: "notification.preview", targetId: person.id, actorId: author.staff.id } });
      expect(previewed).not.toBeNull();

      // A test mail to the officer's own address: a real mail, with no link to follow.
      await page.getByRole("button", { name: "自分宛にテストメールを送る" }).click();
      await expect(page.getByRole("status")).toHaveText(`テストメールの送信を受け付けました（宛先：${author.staff.email}）。`);
      const testMail = await waitForMailAbout(author.staff.email, TEXTS.subjectJa, { dir, timeout: 30_000 });
      expect(testMail.text).toContain(TEXTS.introJa);
      expect(testMail.text).toContain(TEXTS.otherEn);
      // The desk's address, for people to open themselves, and nothing to click.
      expect(testMail.text).toContain(`ブラウザーに次のアドレスを入力するか、当社のホームページからお進みください。\n${server.url}`);
      expect(testMail.html).not.toMatch(/<a\s/i);
      expect(testMail.text.match(/https?:\/\//g)).toHaveLength(2); // the desk's address, once in each language
      expect(testMail.parsed.headers.get("message-id")).toBeTruthy();

      // The author approves the reviewer's text, and starts the sending once they confirm it.
      await page.getByRole("button", { name: "この文面を承認する" }).click();
      await expect(page.getByRole("status")).toHaveText("承認しました。送信を開始できます。");
      await expect(page.getByRole("textbox")).toHaveCount(1); // the text is frozen: only the preview's field is left
      const addresses = await addressesInRecords(server);
      await page.getByRole("button", { name: "送信を開始する" }).click();
      await expect(page.getByText("送信を始める場合は、確認のチェックを入れてください。")).toBeVisible();
      await page.getByLabel(`対象の方 ${addresses.size} 人に、1分あたり 600 通の速さで送信を始めます`).check();
      await page.getByRole("button", { name: "送信を開始する" }).click();
      await expect(page.getByRole("status")).toHaveText("送信を開始しました。");
      await expect(page.getByTestId("progress-in-list")).toHaveText(addresses.size.toLocaleString("ja"));
      // The figures move while the answer stays.
      await expect.poll(async () => Number(await page.getByTestId("progress-sent").textContent()), { timeout: 30_000 }).toBeGreaterThan(0);
      await expect(page.getByRole("status")).toHaveText("送信を開始しました。");

      // Killed on the way, started again: each person still gets exactly one mail.
      await expect.poll(() => killed !== null, { timeout: 90_000, message: "the app killed mid-campaign" }).toBe(true);
      await killed;
      await expect.poll(() => receiver.dropped, { message: "the held message's sender is gone" }).toBe(1);
      expect(await recipients(server.db, campaignId, "waiting")()).toBeGreaterThan(0);
      expect(await recipients(server.db, campaignId, "queued")()).toBeGreaterThan(0);
      await server.restart();
      await expect.poll(campaignStatus(server.db, campaignId), { timeout: 120_000, message: "the campaign completed" }).toBe("completed");
      await expect.poll(recipients(server.db, campaignId, "sent")).toBe(addresses.size - 1);

      // Refused at RCPT: bounced for good on the first attempt, the reply kept without the address.
      const bounced = await server.db.notificationRecipient.findUniqueOrThrow({
        where: { campaignId_customerId: { campaignId, customerId: addresses.get(unknownUser)! } },
        select: { status: true, bounceKind: true, bounceReason: true, outboxMessageId: true },
      });
      expect(bounced).toMatchObject({ status: "bounced", bounceKind: "permanent" });
      expect(bounced.bounceReason).toContain("550");
      expect(bounced.bounceReason).not.toContain("customer007");
      const bouncedMail = await server.db.outboxMessage.findUniqueOrThrow({
        where: { id: bounced.outboxMessageId! },
        select: { attempts: true, status: true },
      });
      expect(bouncedMail).toEqual({ attempts: 1, status: "failed" });

      const notifications = receiver.accepted.filter(isNotification);
      expect(notifications.map((mail) => mail.to).sort()).toEqual([...addresses.keys()].filter((address) => address !== unknownUser).sort());
      expect(new Set(notifications.map((mail) => mail.messageId)).size).toBe(notifications.length);

      // The person in two groups: one mail listing both, with what to do for each kind of data.
      const [mail, ...more] = await mailTo("customer004@example.com", dir);
      expect(more).toHaveLength(0);
      expect(mail!.subject).toBe(`${TEXTS.subjectJa} / ${TEXTS.subjectEn}`);
      for (const text of [
        "[オンラインショップ会員のお客様]",
        "[お問い合わせフォームをご利用のお客様]",
        "[Customers who used the contact form]",
        TEXTS.harmJa,
        TEXTS.harmEn,
        "ブラウザーに次のアドレスを入力",
      ]) {
        expect(mail!.text).toContain(text);
      }
      expect(mail!.html).not.toMatch(/<a\s/i);

      // People whose language the records hold get the mail in it alone (the demo's customer001
      // reads English, customer002 Japanese).
      const [english] = await mailTo("customer001@example.com", dir);
      expect(english!.subject).toBe(TEXTS.subjectEn);
      expect(english!.text).toContain(TEXTS.introEn);
      expect(english!.text).not.toContain(TEXTS.introJa);
      expect(english!.html).toContain('<html lang="en">');
      const [japanese] = await mailTo("customer002@example.com", dir);
      expect(japanese!.subject).toBe(TEXTS.subjectJa);
      expect(japanese!.text).toContain(TEXTS.causeJa);
      expect(japanese!.text).not.toContain(TEXTS.causeEn);

      await page.reload();
      await expect(page.getByRole("heading", { level: 1 })).toContainText("送信完了");
      await expect(page.getByTestId("progress-sent")).toHaveText((addresses.size - 1).toLocaleString("ja"));
      await expect(page.getByTestId("progress-bounced")).toHaveText("1");
      await expect(page.getByTestId("progress-waiting")).toHaveText("0");
    } finally {
      await receiver.stop();
      await server.stop();
    }
  });

  test("paused, the campaign hands nothing more to the outbox; resumed, it goes on; cancelled, nobody else is mailed; every mail signed with DKIM", async ({
    browser,
  }, testInfo) => {
    test.setTimeout(120_000);
    const smtpPort = await freePort();
    // Signed with a key of this test's own; its public half is what a DNS TXT record would publish.
    const keys = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const keyFile = testInfo.outputPath("dkim.pem");
    writeFileSync(keyFile, keys.privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
    const server = await startOwnServer({
      E2E_SMTP_PORT: String(smtpPort),
      DKIM_DOMAIN: "desk.example.com",
      DKIM_SELECTOR: "madoguchi",
      DKIM_PRIVATE_KEY_FILE: keyFile,
    });
    const dir = `data/mail-own-${server.port}`;
    const receiver = await startSmtpReceiver(smtpPort, dir);
    try {
      const { page, staff } = await officer(browser, server, "送信 担当");
      // Approved already (the first test drafts and approves through the pages).
      const id = await approvedCampaign(server, staff, 120);
      const instance = [ownInstance(server.port)];
      await page.goto(`/staff/notifications/${id}`);
      await page.getByLabel(/1分あたり 120 通の速さで送信を始めます/).check();
      await page.getByRole("button", { name: "送信を開始する" }).click();
      await expect(page.getByRole("status")).toHaveText("送信を開始しました。");
      await expect(page.getByText(/残り時間の目安：約 \d+ 分/)).toBeVisible();
      await expect.poll(recipients(server.db, id, "sent"), { timeout: 30_000 }).toBeGreaterThan(0);

      await page.getByRole("button", { name: "一時停止する" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toContainText("一時停止中");
      // Whatever a hand-over in flight queued goes out; after that, whole runs hand over nothing.
      await afterWholeRuns(["notifications"], instance);
      const waitingWhilePaused = await recipients(server.db, id, "waiting")();
      await afterWholeRuns(["notifications", "outbox"], instance);
      await afterWholeRuns(["notifications"], instance);
      expect(await recipients(server.db, id, "waiting")()).toBe(waitingWhilePaused);
      expect(await recipients(server.db, id, "queued")()).toBe(0);
      // The same figures on the command line.
      const secrets = JSON.parse(readFileSync(secretsFileFor(server.port), "utf8")) as Record<string, string>;
      const command = runCommand("app/cli/notifications.ts", [], { ...secrets, LANG: "ja_JP.UTF-8" });
      expect(command.stderr).toBe("");
      const sentWhilePaused = await recipients(server.db, id, "sent")();
      expect(command.stdout).toContain(`[一時停止中] ${TEXTS.subjectJa}`);
      const inList = await server.db.notificationRecipient.count({ where: { campaignId: id } });
      expect(command.stdout).toContain(`送信済み ${sentWhilePaused} / 対象 ${inList} 人、順番待ち ${waitingWhilePaused}、配信処理中 0、届かなかった方 0`);

      await page.getByRole("button", { name: "再開する" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toContainText("送信中");
      await expect.poll(recipients(server.db, id, "waiting"), { timeout: 30_000 }).toBeLessThan(waitingWhilePaused);

      // Cancelling asks to be meant.
      await page.getByRole("button", { name: "この本人通知を中止する" }).click();
      await expect(page.getByText("中止する場合は、確認のチェックを入れてください。")).toBeVisible();
      await page.getByLabel("中止することを確認しました").check();
      await page.getByRole("button", { name: "この本人通知を中止する" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toContainText("中止");
      await afterWholeRuns(["notifications", "outbox"], instance);
      const sent = await recipients(server.db, id, "sent")();
      expect(await recipients(server.db, id, "waiting")()).toBe(0);
      expect(await recipients(server.db, id, "queued")()).toBe(0);
      expect(sent + (await recipients(server.db, id, "cancelled")())).toBe(await server.db.notificationRecipient.count({ where: { campaignId: id } }));
      expect(receiver.accepted).toHaveLength(sent);

      // A proper mail: one multipart message with a plain-text part, its Message-ID, and a DKIM
      // signature that verifies against the published key (mailauth, as a receiving server checks).
      const raw = readFileSync(`${dir}/${readdirSync(dir).find((file) => file.endsWith(".eml"))!}`, "utf8").replace(
        /^X-Envelope-To: .*\r\nX-Envelope-From: .*\r\n/,
        "",
      );
      expect(raw).toMatch(/^Content-Type: multipart\/alternative;/im);
      expect(raw).toMatch(/^Content-Type: text\/plain; charset=utf-8/im);
      expect(raw).toMatch(/^Message-ID: <[^@\s]+@127\.0\.0\.1>/im);
      const publicKey = keys.publicKey.export({ type: "spki", format: "der" }).toString("base64");
      const verdict = await dkimVerify(raw, {
        resolver: async (name: string, type: string) =>
          name === "madoguchi._domainkey.desk.example.com" && type === "TXT" ? [[`v=DKIM1; k=rsa; p=${publicKey}`]] : [],
      });
      expect(verdict.results.map((result) => [result.signingDomain, result.status.result])).toEqual([["desk.example.com", "pass"]]);
      const steps = await server.db.auditEntry.findMany({
        where: { action: { startsWith: "notification." }, actorId: staff.id },
        orderBy: { sequence: "asc" },
        select: { action: true },
      });
      expect(steps.map((entry) => entry.action)).toEqual(["notification.start", "notification.pause", "notification.resume", "notification.cancel"]);
    } finally {
      await receiver.stop();
      await server.stop();
    }
  });

  test("a bounce that comes back later is read over IMAP, matched by its return address and recorded against the person", async ({ browser }) => {
    test.setTimeout(120_000);
    const smtpPort = await freePort();
    const imap = await startImapServer();
    const server = await startOwnServer({
      E2E_SMTP_PORT: String(smtpPort),
      BOUNCE_ADDRESS: "bounces@desk.example.com",
      BOUNCE_IMAP_URL: imap.url,
      BOUNCE_CHECK_SECONDS: "1",
    });
    const receiver = await startSmtpReceiver(smtpPort, `data/mail-own-${server.port}`);
    const mailbox = new ImapFlow({ host: "127.0.0.1", port: imap.port, secure: false, auth: { user: imap.user, pass: imap.password }, logger: false });
    try {
      const { page, staff } = await officer(browser, server, "送信 担当");
      // Approved already (the first test drafts and approves through the pages).
      const id = await approvedCampaign(server, staff, 6000);
      await page.goto(`/staff/notifications/${id}`);
      await page.getByLabel(/1分あたり 6,000 通の速さで送信を始めます/).check();
      await page.getByRole("button", { name: "送信を開始する" }).click();
      await expect.poll(campaignStatus(server.db, id), { timeout: 60_000 }).toBe("completed");

      // Each notification left with a return address of its own.
      const gone = receiver.accepted.find((mail) => mail.to === "customer010@example.com")!;
      expect(gone.from).toMatch(/^bounces\+[a-z0-9]+-[0-9a-f]{16}@desk\.example\.com$/);
      expect(new Set(receiver.accepted.map((mail) => mail.from)).size).toBe(receiver.accepted.length);

      // Later, the receiving side gives up on one and its mail server sends a report to that
      // address, which lands in the bounce mailbox; so does a forged report and a stray mail.
      await mailbox.connect();
      await mailbox.append("INBOX", deliveryReport(gone.from, "customer010@example.com", "5.1.1", "550 5.1.1 <customer010@example.com>: User unknown"));
      const forged = gone.from.replace(/-[0-9a-f]{16}@/, "-0000000000000000@");
      await mailbox.append("INBOX", deliveryReport(forged, "customer011@example.com", "5.1.1", "550 no such user"));
      await mailbox.append("INBOX", "From: someone@example.org\r\nTo: bounces@desk.example.com\r\nSubject: hello\r\n\r\nNot a bounce.\r\n");

      const customerId = async (address: string) => (await addressesInRecords(server)).get(address)!;
      const recipient = async (address: string) =>
        server.db.notificationRecipient.findUniqueOrThrow({
          where: { campaignId_customerId: { campaignId: id, customerId: await customerId(address) } },
          select: { status: true, bounceKind: true, bounceReason: true },
        });
      await expect.poll(async () => (await recipient("customer010@example.com")).status, { timeout: 30_000 }).toBe("bounced");
      const bounced = await recipient("customer010@example.com");
      expect(bounced.bounceKind).toBe("permanent");
      expect(bounced.bounceReason).toContain("5.1.1 550 5.1.1");
      expect(bounced.bounceReason).not.toContain("customer010");
      // The forged report named a mail it never saw: nothing recorded.
      expect((await recipient("customer011@example.com")).status).toBe("sent");

      // The report is gone from the mailbox; what isn't one stays, marked read, for a person.
      await afterWholeRuns(["bounces"], [ownInstance(server.port)]);
      const lock = await mailbox.getMailboxLock("INBOX");
      try {
        const left: string[] = [];
        for await (const message of mailbox.fetch("1:*", { envelope: true, flags: true }))
          left.push(`${message.envelope?.subject} ${[...(message.flags ?? [])].join(" ")}`);
        expect(left.sort()).toEqual(["Undelivered Mail Returned to Sender \\Seen", "hello \\Seen"]);
      } finally {
        lock.release();
      }
      await page.reload();
      await expect(page.getByTestId("progress-bounced")).toHaveText("1");
    } finally {
      await mailbox.logout().catch(() => undefined);
      await receiver.stop();
      await server.stop();
      await imap.stop();
    }
  });
});

/** A delivery status notification (RFC 3464) as a receiving mail server writes one. */
function deliveryReport(returnAddress: string, recipient: string, status: string, diagnostic: string): string {
  return [
    "From: MAILER-DAEMON@mx.example.org",
    `To: ${returnAddress}`,
    "Subject: Undelivered Mail Returned to Sender",
    "MIME-Version: 1.0",
    'Content-Type: multipart/report; report-type=delivery-status; boundary="report"',
    "",
    "--report",
    "Content-Type: text/plain; charset=us-ascii",
    "",
    "Your message could not be delivered.",
    "",
    "--report",
    "Content-Type: message/delivery-status",
    "",
    "Reporting-MTA: dns; mx.example.org",
    "",
    `Final-Recipient: rfc822; ${recipient}`,
    "Action: failed",
    `Status: ${status}`,
    `Diagnostic-Code: smtp; ${diagnostic}`,
    "",
    "--report--",
    "",
  ].join("\r\n");
}

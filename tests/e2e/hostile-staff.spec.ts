// Hostile input on every staff form and filter. The settings forms (hours, templates, SLA
// targets, notice, categories, groups, members, refusal grounds, import) run on a server of
// their own, since a hostile value that is valid free text is stored and other tests read
// those settings; an agent's replies and notes run on the shared server, on an inquiry of
// the test's own. No 5xx, messages in the reader's language, what is stored shows verbatim
// and inert.
import { expect, test, type Browser, type BrowserContext } from "@playwright/test";
import { INQUIRY_CATEGORIES } from "../../app/domain/inquiries/categories";
import { normaliseMessage, visibleText } from "../../app/domain/inquiries/plain-text";
import type { Role } from "../../app/domain/staff/permissions";
import { createAffectedCustomer, uniqueAddress, verifyCustomer } from "../support/customers";
import { asSubmitted, HOSTILE_STRINGS, OVERSIZED_BYTES, STORABLE } from "../support/hostile-corpus";
import {
  cookieHeader,
  everyFieldCases,
  expectInert,
  fetchPage,
  formBody,
  problemWith,
  runCases,
  send,
  type HostileForm,
  type Language,
} from "../support/hostile-http";
import { seedInquiries } from "../support/inquiries";
import { startOwnServer, type OwnServer } from "../support/own-server";
import { sharedServer, signInAs, type TestTarget } from "../support/staff";
import { OWN_SERVER } from "../support/tags";

test.describe.configure({ mode: "parallel" });

async function staffContext(
  browser: Browser,
  role: Role,
  target: TestTarget,
  name?: string,
): Promise<{ context: BrowserContext; headers: Record<string, string> }> {
  const context = await browser.newContext({ baseURL: target.url, locale: "ja-JP" });
  await signInAs(context, role, name, target);
  return { context, headers: await cookieHeader(context) };
}

const HOURS_FIELDS = ["effectiveFrom", "effectiveUntil", "holidayRule", "holiday", "day1", "day2", "day3", "day4", "day5", "day6", "day7"];
const REVISION_FIELDS = [
  "kind",
  "titleJa",
  "titleEn",
  "summaryJa",
  "summaryEn",
  "actionsTakenJa",
  "actionsTakenEn",
  "customerActionsJa",
  "customerActionsEn",
  "timeline[0].occurredAt",
  "timeline[0].textJa",
  "timeline[0].textEn",
];
const CATEGORY_FIELDS = ["key", "labelJa", "labelEn", "recommendedActionJa", "recommendedActionEn"];
const GROUP_FIELDS = ["key", "nameJa", "nameEn", "descriptionJa", "descriptionEn", "categoryIds"];
const TEMPLATE_FIELDS = ["titleJa", "titleEn", "bodyJa", "bodyEn", "position"];

async function settingsForms(server: OwnServer): Promise<{ admin: HostileForm[]; officer: HostileForm[] }> {
  const db = server.db;
  const channel = await db.channel.findFirstOrThrow({ select: { key: true, schedules: { select: { id: true }, take: 1 } } });
  const category = await db.dataCategory.findFirstOrThrow({ select: { id: true } });
  const group = await db.affectedGroup.findFirstOrThrow({ select: { id: true } });
  const template = await db.replyTemplate.findFirstOrThrow({ select: { id: true } });
  const latest = await db.noticeRevision.findFirstOrThrow({ orderBy: { number: "desc" }, select: { number: true } });
  return {
    admin: [
      { path: `/staff/hours/channels/${channel.key}/edit`, fields: ["nameJa", "nameEn", "contact"] },
      { path: `/staff/hours/channels/${channel.key}/schedules/new`, fields: HOURS_FIELDS },
      { path: `/staff/hours/schedules/${channel.schedules[0]!.id}/edit`, fields: HOURS_FIELDS },
      { path: "/staff/hours/closures/new", fields: ["channel", "startsOn", "endsOn", "reasonJa", "reasonEn"] },
      { path: "/staff/inquiry-settings", fields: INQUIRY_CATEGORIES.flatMap((key) => [`${key}-first`, `${key}-next`]) },
      { path: "/staff/inquiry-settings/templates/new", fields: TEMPLATE_FIELDS },
      { path: `/staff/inquiry-settings/templates/${template.id}`, fields: TEMPLATE_FIELDS },
      { path: "/staff/members", fields: ["email", "displayName", "role"], fixed: [["intent", "invite"]] },
      { path: "/staff/members", fields: ["intent", "staffId"] },
      { path: "/staff/notice/new", fields: REVISION_FIELDS, fixed: [["intent", "preview"]] },
      { path: "/staff/notice/new", fields: ["intent", ...REVISION_FIELDS] },
      { path: `/staff/notice/${latest.number}`, fields: ["intent", ...REVISION_FIELDS] },
      { path: "/staff/notice/categories/new", fields: CATEGORY_FIELDS },
      { path: `/staff/notice/categories/${category.id}`, fields: CATEGORY_FIELDS },
      { path: "/staff/notice/groups/new", fields: GROUP_FIELDS },
      { path: `/staff/notice/groups/${group.id}`, fields: GROUP_FIELDS },
    ],
    officer: [
      { path: "/staff/deletions/settings", fields: ["deadlineDays", "executionDelayHours"], fixed: [["intent", "settings"]] },
      { path: "/staff/deletions/settings", fields: ["labelJa", "labelEn"], fixed: [["intent", "add-ground"]] },
      { path: "/staff/deletions/settings", fields: ["intent", "key"] },
      { path: "/staff/import", fields: ["file"] },
    ],
  };
}

test.describe("the settings forms, on a server of their own", OWN_SERVER, () => {
  // One server for every settings test: they run one after another in one worker.
  test.describe.configure({ mode: "serial" });
  let server: OwnServer;
  test.beforeAll(async () => {
    test.setTimeout(90_000);
    server = await startOwnServer({ E2E_SMTP_PORT: "off" });
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test("every settings field takes every class of hostile input without a 5xx, in the reader's language", async ({ browser, request }) => {
    test.setTimeout(90_000);
    const forms = await settingsForms(server);
    const admin = await staffContext(browser, "admin", server);
    const officer = await staffContext(browser, "privacy-officer", server);
    const problems = (
      await Promise.all([
        runCases(request, server.url, forms.admin.flatMap(everyFieldCases), admin.headers),
        runCases(request, server.url, forms.officer.flatMap(everyFieldCases), officer.headers),
      ])
    ).flat();
    expect(problems).toEqual([]);
    // The admin was never signed out or locked out by any of it.
    expect((await fetchPage(request, server.url, "/staff/hours", "ja", admin.headers)).status()).toBe(200);
  });

  test("forms with no fields, hostile ids, wrong body types and oversized bodies are refused clearly", async ({ browser, request }) => {
    test.setTimeout(60_000);
    const admin = await staffContext(browser, "admin", server);
    const officer = await staffContext(browser, "privacy-officer", server);
    const published = await server.db.noticeRevision.count({ where: { publishedAt: { not: null } } });
    const problems: string[] = [];
    const check = async (
      path: string,
      headers: Record<string, string>,
      sent: { body: Buffer | string; contentType?: string; language: Language },
      status?: number,
    ) => {
      const response = await send(request, server.url, path, { ...sent, headers });
      const problem = await problemWith(response, sent.language);
      if (problem) problems.push(`${path}: ${problem}`);
      if (status && response.status() !== status) problems.push(`${path}: status ${response.status()}, expected ${status}`);
    };
    const hostileIds = [HOSTILE_STRINGS.traversal, HOSTILE_STRINGS.script, HOSTILE_STRINGS.sqlTautology, HOSTILE_STRINGS.controls].map(encodeURIComponent);
    for (const [index, id] of hostileIds.entries()) {
      const language: Language = index % 2 === 0 ? "ja" : "en";
      const paths = [
        `/staff/hours/closures/${id}/delete`,
        `/staff/hours/schedules/${id}/delete`,
        `/staff/hours/schedules/${id}/edit`,
        `/staff/hours/channels/${id}/edit`,
        `/staff/notice/${id}`,
        `/staff/notice/${id}/publish`,
        `/staff/notice/categories/${id}/delete`,
        `/staff/notice/groups/${id}/delete`,
        `/staff/inquiry-settings/templates/${id}`,
        `/staff/import/${id}`,
      ];
      await Promise.all(
        paths.map(async (path) => {
          await check(path, admin.headers, { body: formBody([["intent", HOSTILE_STRINGS.script]]), language });
          const problem = await problemWith(await fetchPage(request, server.url, path, language, admin.headers), language);
          if (problem) problems.push(`GET ${path}: ${problem}`);
        }),
      );
    }
    // Publishing and deleting take no fields: a body of the wrong kind never reaches them.
    const latest = await server.db.noticeRevision.findFirstOrThrow({ orderBy: { number: "desc" }, select: { number: true } });
    const oversized = formBody([["reasonJa", "A".repeat(OVERSIZED_BYTES)]]);
    await Promise.all(
      [`/staff/notice/${latest.number}/publish`, "/staff/logout", "/staff/hours/closures/new", "/staff/members"].map(async (path) => {
        await check(path, admin.headers, { body: JSON.stringify({ intent: "publish" }), contentType: "application/json", language: "ja" }, 415);
        await check(path, admin.headers, { body: oversized, language: "en" }, 413);
      }),
    );
    // The import wants a file: text, JSON, a cut-off multipart and a part with a hostile name
    // get the page's own message, not a 500.
    const boundary = "hostileBoundary";
    await check("/staff/import", officer.headers, { body: formBody([["file", HOSTILE_STRINGS.traversal]]), language: "ja" }, 400);
    await check("/staff/import", officer.headers, { body: JSON.stringify({ file: "x" }), contentType: "application/json", language: "ja" }, 400);
    const cutOff = await send(request, server.url, "/staff/import", {
      body: `--${boundary}\r\nnonsense`,
      contentType: `multipart/form-data; boundary=${boundary}`,
      language: "en",
      headers: officer.headers,
    });
    expect(cutOff.status()).toBe(400);
    expect(await cutOff.text()).toContain("The upload was cut off or damaged.");
    const hugeIndex = `--${boundary}\r\nContent-Disposition: form-data; name="a[999999999]"\r\n\r\nx\r\n--${boundary}--\r\n`;
    await check("/staff/import", officer.headers, { body: hugeIndex, contentType: `multipart/form-data; boundary=${boundary}`, language: "ja" }, 400);
    expect(problems).toEqual([]);
    expect(await server.db.noticeRevision.count({ where: { publishedAt: { not: null } } })).toBe(published);
  });

  test("names, labels, templates and reasons are shown back verbatim and inert", async ({ browser, request }) => {
    test.setTimeout(60_000);
    const { context, headers } = await staffContext(browser, "admin", server, HOSTILE_STRINGS.imgOnerror);
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on("dialog", async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    const sample = STORABLE.map((name) => HOSTILE_STRINGS[name]);

    // A reply template through the real form: its title in the list, its body on its page.
    const title = HOSTILE_STRINGS.svgBreakout;
    const body = sample.join("\n");
    await page.goto("/staff/inquiry-settings/templates/new?lng=ja");
    await page.locator('[name="titleJa"]').fill(title);
    await page.locator('[name="titleEn"]').fill(HOSTILE_STRINGS.javascriptUrl);
    await page.locator('[name="bodyJa"]').fill(body);
    await page.locator('[name="bodyEn"]').fill(HOSTILE_STRINGS.zalgo);
    await page.locator('form[method="post"] button[type="submit"]').last().click();
    await page.waitForURL(/\/staff\/inquiry-settings(\?|$)/);
    await expect(page.getByText(title, { exact: true })).toHaveCount(1);
    await expectInert(page, dialogs);
    const stored = await server.db.replyTemplate.findFirstOrThrow({ where: { titleJa: title }, select: { id: true, bodyJa: true } });
    expect(stored.bodyJa).toBe(normaliseMessage(body));
    await page.goto(`/staff/inquiry-settings/templates/${stored.id}?lng=ja`);
    await expect(page.locator('[name="bodyJa"]')).toHaveValue(normaliseMessage(body));
    await expectInert(page, dialogs);

    // A data category through the real form, then its label in the list.
    for (const [index, label] of [HOSTILE_STRINGS.script, HOSTILE_STRINGS.rightToLeft, HOSTILE_STRINGS.emoji].entries()) {
      await page.goto("/staff/notice/categories/new?lng=ja");
      await page.locator('[name="key"]').fill(`hostile-${index}-${Date.now()}`);
      await page.locator('[name="labelJa"]').fill(label);
      await page.locator('[name="labelEn"]').fill(HOSTILE_STRINGS.halfWidthKana);
      await page.locator('[name="recommendedActionJa"]').fill(HOSTILE_STRINGS.shell);
      await page.locator('[name="recommendedActionEn"]').fill(HOSTILE_STRINGS.sqlStacked);
      await page.locator('form[method="post"] button[type="submit"]').last().click();
      await page.waitForURL(/\/staff\/notice\/categories(\?|$)/);
      await expect(page.getByText(label, { exact: true }).first()).toBeVisible();
      await expectInert(page, dialogs);
    }

    // A closure's reason and a channel's name (as the form posts them), on the hours page and the public desk.
    const reason = `${HOSTILE_STRINGS.attributeBreakout} ${HOSTILE_STRINGS.fullWidth}`;
    const day = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    const closure = await send(request, server.url, "/staff/hours/closures/new", {
      body: formBody([
        ["channel", "all"],
        ["startsOn", day],
        ["endsOn", day],
        ["reasonJa", reason],
        ["reasonEn", HOSTILE_STRINGS.emoji],
      ]),
      language: "ja",
      headers,
    });
    expect(closure.status()).toBe(302);
    const channel = await server.db.channel.findFirstOrThrow({ select: { key: true, contact: true } });
    // Within the name's 60 characters; "A" and a combining ring are one "Å" once normalised.
    const name = `${HOSTILE_STRINGS.script} A\u030A ${HOSTILE_STRINGS.halfWidthKana}`;
    const renamed = await send(request, server.url, `/staff/hours/channels/${channel.key}/edit`, {
      body: formBody([
        ["nameJa", name],
        ["nameEn", HOSTILE_STRINGS.imgOnerror],
        ["contact", channel.contact],
      ]),
      language: "ja",
      headers,
    });
    expect(renamed.status()).toBe(302);
    // The documented rule for names and reasons: NFC, runs of blank space (the ideographic
    // space too) as one space, trimmed (channel-form.ts, closure-form.ts).
    const asStored = (text: string) => text.normalize("NFC").replace(/\s+/g, " ").trim();
    const shownName = asStored(name);
    expect(shownName).toContain("Å");
    await page.goto("/staff/hours?lng=ja");
    // The reason follows the closure's dates in its line.
    await expect(page.getByText(asStored(reason)).first()).toBeVisible();
    await expect(page.getByText(shownName).first()).toBeVisible();
    await expectInert(page, dialogs);
    await page.goto("/?lng=ja");
    await expect(page.getByText(shownName).first()).toBeVisible();
    await expectInert(page, dialogs);

    // The admin's own display name is markup and shows as text on the members page.
    await page.goto("/staff/members?lng=ja");
    await expect(page.getByRole("rowheader", { name: HOSTILE_STRINGS.imgOnerror, exact: true })).toHaveCount(1);
    await expectInert(page, dialogs);
    await context.close();
  });
});

test("an agent's replies and notes take every class of hostile input, and are shown back verbatim and inert", async ({ browser, request, baseURL }) => {
  test.setTimeout(60_000);
  const target = sharedServer();
  const { context, headers } = await staffContext(browser, "agent", target);
  const [reference] = await seedInquiries(uniqueAddress("hostile-agent"), [{ status: "open", message: HOSTILE_STRINGS.imgOnerror }]);
  const path = `/staff/inquiries/${reference}`;
  const forms: HostileForm[] = [
    { path, fields: ["body", "nextStatus", "version"], fixed: [["intent", "reply"]] },
    { path, fields: ["body"], fixed: [["intent", "note"]] },
    { path, fields: ["to", "version"], fixed: [["intent", "status"]] },
    { path, fields: ["assigneeId", "version"], fixed: [["intent", "assign"]] },
    { path, fields: ["version"], fixed: [["intent", "claim"]] },
    { path, fields: ["intent"] },
  ];
  expect(await runCases(request, baseURL!, forms.flatMap(everyFieldCases), headers)).toEqual([]);

  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.goto(`${path}?lng=ja`);
  // The customer's message, seeded with markup, is text.
  await expect(page.locator(".plain-text", { hasText: HOSTILE_STRINGS.imgOnerror }).first()).toBeVisible();
  const note = [HOSTILE_STRINGS.script, HOSTILE_STRINGS.rightToLeft, HOSTILE_STRINGS.controls, HOSTILE_STRINGS.zalgo].join("\n");
  await page.locator('form:has(input[name="intent"][value="note"]) textarea[name="body"]').fill(note);
  await page.locator('form:has(input[name="intent"][value="note"]) button[type="submit"]').click();
  // Two of its lines together: the matrix above stored notes holding one hostile value each.
  const shownNote = page.locator(".plain-text").filter({ hasText: HOSTILE_STRINGS.script }).filter({ hasText: "fdp.exe" });
  await expect(shownNote).toHaveCount(1);
  expect(await shownNote.evaluate((element) => element.textContent)).toBe(visibleText(normaliseMessage(asSubmitted(note))));
  await page.reload();
  expect(await shownNote.evaluate((element) => element.textContent)).toBe(visibleText(normaliseMessage(asSubmitted(note))));
  await expectInert(page, dialogs);

  // A reply carrying the storable corpus, through the real form: in the thread as written.
  const reply = STORABLE.map((name) => HOSTILE_STRINGS[name]).join("\n");
  const replyForm = page.locator('form:has(input[name="intent"][value="reply"])');
  await replyForm.locator('textarea[name="body"]').fill(reply);
  await replyForm.locator('button[type="submit"]').click();
  const shownReply = page.locator(".plain-text").filter({ hasText: HOSTILE_STRINGS.sqlStacked }).filter({ hasText: HOSTILE_STRINGS.shell });
  await expect(shownReply).toHaveCount(1);
  expect(await shownReply.evaluate((element) => element.textContent)).toBe(visibleText(normaliseMessage(asSubmitted(reply))));
  await expectInert(page, dialogs);
  await context.close();
});

test("a privacy officer's refusal explanation is shown back verbatim and inert, to the officer and the customer", async ({ browser, request, baseURL }) => {
  test.setTimeout(60_000);
  const target = sharedServer();
  const email = uniqueAddress("hostile-refusal");
  const customer = await createAffectedCustomer(email, [{ group: "members", categories: ["email"] }]);
  const customerContext = await browser.newContext();
  await verifyCustomer(customerContext, customer.id);
  const customerHeaders = await cookieHeader(customerContext);
  const asked = await send(request, baseURL!, "/my/deletion", { body: formBody([["understood", "on"]]), language: "ja", headers: customerHeaders });
  expect(asked.status()).toBe(302);
  const reference = /DR-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(asked.headers().location ?? "")![0];

  const officer = await staffContext(browser, "privacy-officer", target);
  const { version } = await target.db.deletionRequest.findUniqueOrThrow({ where: { reference }, select: { version: true } });
  const ground = await target.db.deletionRefusalGround.findFirstOrThrow({ where: { retiredAt: null }, select: { key: true } });
  const explanationJa = [HOSTILE_STRINGS.script, HOSTILE_STRINGS.rightToLeft, HOSTILE_STRINGS.halfWidthKana, HOSTILE_STRINGS.controls].join("\n");
  const explanationEn = [HOSTILE_STRINGS.imgOnerror, HOSTILE_STRINGS.emoji, HOSTILE_STRINGS.zalgo].join("\n");
  const refused = await send(request, baseURL!, `/staff/deletions/${reference}`, {
    body: formBody([
      ["intent", "refuse"],
      ["version", String(version)],
      ["ground", ground.key],
      ["explanationJa", explanationJa],
      ["explanationEn", explanationEn],
    ]),
    language: "ja",
    headers: officer.headers,
  });
  expect(await problemWith(refused, "ja")).toBeNull();
  expect((await target.db.deletionRequest.findUniqueOrThrow({ where: { reference }, select: { status: true } })).status).toBe("refused");

  // The documented rule: NUL written as ␀ by the server (request-body.ts; PostgreSQL can't store
  // it), normalised as a message (plain-text.ts), other controls shown as symbols.
  for (const [context, path, expected] of [
    [officer.context, `/staff/deletions/${reference}?lng=ja`, [explanationJa, explanationEn]],
    [customerContext, `/deletion-requests/${reference}?lng=ja`, [explanationJa]],
  ] as const) {
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on("dialog", async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await page.goto(path);
    const shown = await page
      .locator("section[aria-labelledby='explanation-heading'] .plain-text")
      .evaluateAll((elements) => elements.map((element) => element.textContent));
    expect(shown).toEqual(expected.map((text) => visibleText(normaliseMessage(asSubmitted(text)))));
    await expectInert(page, dialogs);
  }
  await Promise.all([officer.context.close(), customerContext.close()]);
});

test("every staff filter takes hostile query strings without a 5xx, in the reader's language", async ({ browser, request, baseURL }) => {
  const target = sharedServer();
  const admin = await staffContext(browser, "admin", target);
  const agent = await staffContext(browser, "agent", target);
  const officer = await staffContext(browser, "privacy-officer", target);
  test.setTimeout(45_000);
  // The long value stays under Node's 16 KB limit on a request's headers, which answers 431 itself.
  const values = [
    HOSTILE_STRINGS.script,
    HOSTILE_STRINGS.sqlTautology,
    HOSTILE_STRINGS.traversal,
    HOSTILE_STRINGS.controls,
    HOSTILE_STRINGS.fullWidth,
    HOSTILE_STRINGS.loneSurrogate,
    "A".repeat(1_500),
    "-1",
    "99999999999999999999",
    "2026-02-30",
  ];
  const filters: Array<[Record<string, string>, string, string[]]> = [
    [admin.headers, "/staff/audit", ["actor", "action", "result", "from", "to", "before"]],
    [admin.headers, "/staff/audit/export", ["actor", "action", "result", "from", "to"]],
    [admin.headers, "/staff", ["from", "to"]],
    [admin.headers, "/staff/figures.csv", ["from", "to"]],
    [admin.headers, "/staff/report", ["from", "to", "language"]],
    [agent.headers, "/staff/inquiries", ["status", "category", "language", "assignee", "overdue", "after"]],
    [officer.headers, "/staff/deletions", ["status", "overdue", "after"]],
    [officer.headers, "/staff/deletions/manifest", ["format"]],
    [agent.headers, "/staff/find", ["reference"]],
    [officer.headers, "/staff/find", ["reference"]],
  ];
  const problems: string[] = [];
  for (const [headers, path, fields] of filters) {
    await Promise.all(
      values.map(async (value, index) => {
        const language: Language = index % 2 === 0 ? "ja" : "en";
        const query = new URLSearchParams(fields.map((field) => [field, value])).toString();
        const response = await fetchPage(request, baseURL!, `${path}?${query}`, language, headers);
        const problem = await problemWith(response, language);
        if (problem) problems.push(`${path}?${fields.join(",")}=${value.slice(0, 20)}: ${problem}`);
      }),
    );
  }
  expect(problems).toEqual([]);
  // The audit filter says what is wrong with an address in the reader's language.
  const wrong = await fetchPage(request, baseURL!, `/staff/audit?actor=${encodeURIComponent(HOSTILE_STRINGS.fullWidthEmail)}`, "en", admin.headers);
  expect(await problemWith(wrong, "en")).toBeNull();
  await Promise.all([admin.context.close(), agent.context.close(), officer.context.close()]);
});

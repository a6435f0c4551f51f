// The outbox under faults, on servers of their own: the app killed (SIGKILL) in the middle
// of a batch, while the mail server holds a message's answer; and the mail server down for
// an hour, at a scaled clock. Counted at a real SMTP receiver, by Message-ID.
import { expect, test } from "@playwright/test";
import { queueMail } from "../support/outbox";
import { OWN_SERVER } from "../support/tags";
import { freePort, startOwnServer } from "../support/own-server";
import { startSmtpReceiver } from "../support/smtp-receiver";

test.describe("mail under faults", OWN_SERVER, () => {
  test("the app killed mid-batch: after a restart every mail is delivered exactly once, the interrupted one after its claim runs out", async () => {
    test.setTimeout(120_000);
    const smtpPort = await freePort();
    // A claim of 6 s instead of 5 minutes, so the mail the dead process held comes back within the test.
    const server = await startOwnServer({ E2E_SMTP_PORT: String(smtpPort), OUTBOX_CLAIM_SECONDS: "6" });
    const dir = `data/mail-own-${server.port}`;
    // Typed by a cast: assigned in a callback, it would otherwise stay narrowed to null below.
    let killed = null as Promise<void> | null;
    // A slow mail server; the app is killed while it holds the answer to the 11th message.
    const receiver = await startSmtpReceiver(smtpPort, dir, {
      answerDelayMs: 300,
      onHold: () => {
        if (receiver.accepted.length >= 10 && !killed) killed = server.kill();
      },
    });
    try {
      const queued = await queueMail(
        server.db,
        server.port,
        Array.from({ length: 30 }, (_, n) => `kill-${n}@example.org`),
      );
      await expect.poll(() => killed !== null, { timeout: 60_000 }).toBe(true);
      await killed;
      await expect.poll(() => receiver.dropped, { message: "the held message's sender is gone" }).toBe(1);
      const deliveredBefore = receiver.accepted.length;
      expect(deliveredBefore).toBeLessThan(queued.length);
      // The dead process's claim is still on the row it was sending.
      const held = await server.db.outboxMessage.findMany({ where: { status: "sending" }, select: { id: true, claimedUntil: true } });
      expect(held).toHaveLength(1);

      await server.restart();
      await expect.poll(() => server.db.outboxMessage.count({ where: { status: "sent" } }), { timeout: 60_000 }).toBe(queued.length);
      // Every row's Message-ID arrived once, and nothing else did.
      const host = "127.0.0.1";
      expect(receiver.accepted.map((mail) => mail.messageId).sort()).toEqual(queued.map((mail) => `<${mail.id}@${host}>`).sort());
      expect(new Set(receiver.accepted.map((mail) => mail.to)).size).toBe(queued.length);
      const retried = await server.db.outboxMessage.findUniqueOrThrow({ where: { id: held[0]!.id }, select: { attempts: true, sentAt: true } });
      expect(retried.attempts).toBe(2);
      expect(retried.sentAt!.getTime()).toBeGreaterThanOrEqual(held[0]!.claimedUntil!.getTime());
    } finally {
      await receiver.stop();
      await server.stop();
    }
  });

  test("the mail server down for an hour (at 240 times speed): the mail stays queued and is delivered once when it returns", async () => {
    test.setTimeout(120_000);
    // Time scaled by 240: the retry base of 30 s becomes 0.125 s, its 30-minute cap 7.5 s, and an
    // hour 15 s. The sender's 5-second tick is not scaled, so fewer attempts are made than in
    // production; that only keeps the mail further from being given up (the unit tests of
    // app/domain/work-queue/retry.ts count production's attempts).
    const SCALE = 240;
    const HOUR_MS = (60 * 60_000) / SCALE;
    const smtpPort = await freePort();
    const server = await startOwnServer({ E2E_SMTP_PORT: String(smtpPort), E2E_OUTBOX_RETRY_BASE_SECONDS: String(30 / SCALE) });
    const dir = `data/mail-own-${server.port}`;
    try {
      const [mail] = await queueMail(server.db, server.port, ["outage@example.org"]);
      const row = () =>
        server.db.outboxMessage.findUniqueOrThrow({ where: { id: mail!.id }, select: { status: true, attempts: true, lastError: true, nextAttemptAt: true } });
      await expect.poll(async () => (await row()).attempts, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
      const downSince = Date.now();
      await new Promise((resolve) => setTimeout(resolve, HOUR_MS));

      // An hour of refusals: still queued between attempts (read between two, not during one),
      // tried again within the cap.
      let afterTheHour = await row();
      await expect.poll(async () => (afterTheHour = await row()).status, { timeout: 10_000, intervals: [50] }).toBe("queued");
      expect(afterTheHour.lastError).toContain("ECONNREFUSED");
      expect(afterTheHour.attempts).toBeGreaterThanOrEqual(2);
      expect(afterTheHour.nextAttemptAt.getTime() - Date.now()).toBeLessThanOrEqual((30 * 60_000) / SCALE);

      const receiver = await startSmtpReceiver(smtpPort, dir);
      try {
        const back = Date.now();
        await expect.poll(() => receiver.accepted.length, { timeout: 30_000 }).toBe(1);
        test.info().annotations.push({
          type: "outage",
          description: `down ${(((back - downSince) * SCALE) / 60_000).toFixed(0)} scaled minutes, delivered ${(((Date.now() - back) * SCALE) / 60_000).toFixed(0)} scaled minutes after the return`,
        });
        expect(receiver.accepted[0]!.messageId).toBe(`<${mail!.id}@127.0.0.1>`);
        // Marked sent, it is never claimed again: one delivery is all there will be.
        await expect.poll(async () => (await row()).status, { timeout: 10_000 }).toBe("sent");
        expect(await row()).toMatchObject({ status: "sent", lastError: null });
        expect(receiver.accepted).toHaveLength(1);
      } finally {
        await receiver.stop();
      }
    } finally {
      await server.stop();
    }
  });
});

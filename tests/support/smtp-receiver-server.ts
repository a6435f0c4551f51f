// The shared test run's SMTP receiver as a process (a Playwright webServer).
// Usage: tsx tests/support/smtp-receiver-server.ts <smtp-port> <app-port>
import { rmSync } from "node:fs";
import { mailDirFor, startSmtpReceiver } from "./smtp-receiver";

const [smtpPort, appPort] = process.argv.slice(2);
const dir = mailDirFor(appPort ?? "3100");
rmSync(dir, { recursive: true, force: true });
const receiver = await startSmtpReceiver(Number(smtpPort ?? 3102), dir);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void receiver.stop().then(() => process.exit(0)));
}

// A real IMAP server for the tests: Debian's dovecot (package dovecot-imapd, which .ci/run
// installs), started on a free port with a configuration, a user and a mailbox of its own in a
// temporary folder, as the bounce mailbox a company would give the portal.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "@playwright/test";
import { freePort } from "./own-server";

export const DOVECOT = "/usr/sbin/dovecot";

export interface ImapServer {
  port: number;
  user: string;
  password: string;
  /** imap://user:password@127.0.0.1:port/INBOX */
  url: string;
  stop(): Promise<void>;
}

/** The uid and gid of a system account, from getent. */
function account(name: string): { uid: number; gid: number } {
  const [, , uid, gid] = spawnSync("getent", ["passwd", name], { encoding: "utf8" }).stdout.trim().split(":");
  if (!uid || !gid) throw new Error(`no ${name} account: install Debian's dovecot-imapd`);
  return { uid: Number(uid), gid: Number(gid) };
}

export async function startImapServer(): Promise<ImapServer> {
  const dir = mkdtempSync(join(tmpdir(), "madoguchi-imap-"));
  // dovecot's own accounts read its configuration and users, and write the mail, below here.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const user = "bounces";
  const password = randomBytes(12).toString("hex");
  // As root (these machines), dovecot runs its mail processes as its own account, never as
  // root; as anyone else, everything runs as that user.
  const root = process.getuid?.() === 0;
  const mailOwner = root ? account("dovecot") : { uid: process.getuid!(), gid: process.getgid!() };
  const self = root ? "dovecot" : (process.env.USER ?? "nobody");
  for (const sub of ["run", "state", "mail"]) mkdirSync(join(dir, sub), { recursive: true });
  if (root) chownSync(join(dir, "mail"), mailOwner.uid, mailOwner.gid);
  writeFileSync(join(dir, "users"), `${user}:{PLAIN}${password}::::::\n`, { mode: 0o644 });
  writeFileSync(
    join(dir, "dovecot.conf"),
    `protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${self}
default_login_user = ${root ? "dovenull" : self}
first_valid_uid = ${mailOwner.uid}
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${mailOwner.uid} gid=${mailOwner.gid} home=${dir}/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
`,
  );
  const child: ChildProcess = spawn(DOVECOT, ["-F", "-c", join(dir, "dovecot.conf")], { stdio: "ignore" });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const log = () => {
    try {
      return readFileSync(join(dir, "dovecot.log"), "utf8");
    } catch {
      return "";
    }
  };
  const answers = () =>
    new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("data", (data) => {
        socket.destroy();
        resolve(data.toString().startsWith("* OK"));
      });
      socket.once("error", () => resolve(false));
    });
  try {
    await expect.poll(answers, { timeout: 20_000, message: `dovecot answering on ${port}` }).toBe(true);
  } catch (error) {
    child.kill("SIGTERM");
    throw new Error(`${(error as Error).message}\n${log()}`);
  }
  return {
    port,
    user,
    password,
    url: `imap://${user}:${password}@127.0.0.1:${port}/INBOX`,
    async stop() {
      child.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

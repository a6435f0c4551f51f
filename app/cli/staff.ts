// `npm run staff -- <command>`: staff accounts from the command line, for the first
// administrator and for emergencies. There is no default account: `create` prints a
// one-time enrolment link, valid for 72 hours.
//   create --email X --role agent|privacy-officer|admin [--name "Display name"]
//   list
//   deactivate --email X     (ends every session at once)
//   reset --email X          (clears both factors, prints a new enrolment link)
import * as z from "zod";
import { loadConfigOrExit } from "~/config.server";
import { getDb } from "~/db/client.server";
import { addressSchema } from "~/domain/email-address";
import { ROLES } from "~/domain/staff/permissions";
import { changeStaffAccount, inviteStaff, listStaff, StaffEmailTakenError } from "~/models/staff.server";
import { normaliseEmail } from "~/utils/personal-data.server";
import { readCommandLine } from "./command-line";

const USAGE = `Usage:
  npm run staff -- create --email X --role ${ROLES.join("|")} [--name "Display name"]
  npm run staff -- list
  npm run staff -- deactivate --email X
  npm run staff -- reset --email X`;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const { positionals, values } = readCommandLine(USAGE, { email: { type: "string" }, role: { type: "string" }, name: { type: "string" } }, 1);
loadConfigOrExit(2);
const command = positionals[0];
const email = values.email === undefined ? undefined : addressSchema("missing").safeParse(values.email);

async function staffIdOf(address: string): Promise<string> {
  const staff = await getDb().staffMember.findUnique({ where: { email: normaliseEmail(address) }, select: { id: true } });
  if (!staff) fail(`No staff member has the address ${address}.`);
  return staff.id;
}

try {
  if (command === "create") {
    if (!email?.success) fail(`--email must be an email address.\n${USAGE}`);
    const role = z.enum(ROLES).safeParse(values.role);
    if (!role.success) fail(`--role must be one of ${ROLES.join(", ")}.\n${USAGE}`);
    const name = values.name?.trim() || email.data.split("@")[0]!;
    const { link } = await inviteStaff({ email: email.data, displayName: name, role: role.data }, null, null);
    console.log(`Created ${role.data} ${normaliseEmail(email.data)}. Enrolment link (one use, 72 hours):\n${link}`);
  } else if (command === "list") {
    for (const staff of await listStaff()) {
      console.log([staff.email, staff.role, staff.status, `${staff._count.sessions} active sessions`].join("\t"));
    }
  } else if (command === "deactivate" || command === "reset") {
    if (!email?.success) fail(`--email must be an email address.\n${USAGE}`);
    const changed = await changeStaffAccount(await staffIdOf(email.data), command, null, null);
    if (command === "deactivate") console.log(`Deactivated ${changed?.email}; every session of theirs has ended.`);
    else console.log(`Reset ${changed?.email}. New enrolment link (one use, 72 hours):\n${changed?.link}`);
  } else {
    fail(USAGE);
  }
} catch (error) {
  if (error instanceof StaffEmailTakenError) fail(`A staff member with the address ${error.message} already exists.`);
  throw error;
} finally {
  await getDb().$disconnect();
}

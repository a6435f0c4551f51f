// Audit entries at a known instant, for tests of how the log shows times. Written through the
// app's own append, so the chain stays intact for the tests that verify it.
import type { AuditEvent } from "../../app/models/audit.server";
import { appendAuditAt } from "../../app/models/audit.server";
import { providerOf } from "../../app/db/provider";
import { testDb, testServerSecrets } from "./staff";

export async function appendAuditEntryAt(at: Date, event: AuditEvent): Promise<void> {
  const provider = providerOf(testServerSecrets().DATABASE_URL);
  await testDb().$transaction((tx) => appendAuditAt(tx, provider, event, at));
}

// Whether a provider's migrations, applied to a scratch database, produce exactly the
// models in prisma/models.prisma. Used by the test suites for both providers.
import type { DatabaseProvider } from "~/db/provider";
import { prisma } from "./prisma-cli";

/** The SQL that would bring the migrations up to the models; empty when they match. */
export async function migrationDrift(provider: DatabaseProvider, scratchUrl: string): Promise<string> {
  await prisma(["migrate", "deploy"], scratchUrl);
  const sql = await prisma(
    ["migrate", "diff", "--script", "--from-migrations", `prisma/${provider}/migrations`, "--to-schema-datamodel", `prisma/${provider}`],
    scratchUrl,
  );
  return sql.replace(/^-- This is an empty migration\.\s*$/m, "").trim();
}

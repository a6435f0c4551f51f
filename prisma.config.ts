// Prisma CLI configuration. The CLI doesn't read .env when a config file exists, so it
// is loaded here. The provider folder (prisma/sqlite or prisma/postgresql) follows the
// scheme of DATABASE_URL; see docs/decisions/003-schema-layout-per-provider.md.
import { existsSync } from "node:fs";
import { defineConfig } from "prisma/config";
import { postgresMigrationAdapter, sqliteMigrationAdapter, unrefLongTimers } from "./app/db/migration-adapters";
import { DEFAULT_DATABASE_URL, providerOf } from "./app/db/provider";

if (existsSync(".env")) process.loadEnvFile(".env");
unrefLongTimers();

const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
const provider = providerOf(databaseUrl);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: `prisma/${provider}`,
  migrations: { path: `prisma/${provider}/migrations` },
  adapter: async () => (provider === "sqlite" ? sqliteMigrationAdapter(databaseUrl) : postgresMigrationAdapter(databaseUrl)),
});

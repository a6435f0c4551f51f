// Global setup of the PostgreSQL checks: the migrations applied once, to a template database
// that each test's scratch database is created from (tests/postgres/scratch-database.ts).
import pg from "pg";
import type { TestProject } from "vitest/node";
import { prisma } from "../../app/cli/prisma-cli";

export function adminUrl(): string {
  return process.env.PG_ADMIN_URL ?? "postgresql://root@127.0.0.1:5432/postgres";
}

export function databaseUrl(name: string): string {
  return Object.assign(new URL(adminUrl()), { pathname: `/${name}` }).toString();
}

export default async function migrateTemplate(project: TestProject): Promise<() => Promise<void>> {
  // A generated name (a fixed label and digits), not input: identifiers can't be bound parameters.
  const name = `madoguchi_template_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 5_000 });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await prisma(["migrate", "deploy"], databaseUrl(name));
  project.provide("postgresTemplate", name);
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  };
}

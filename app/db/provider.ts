// Which Prisma provider folder a DATABASE_URL belongs to. Shared by the CLI config,
// the app's client and the scripts, so that the rule lives in one place.
export type DatabaseProvider = "sqlite" | "postgresql";

export function providerOf(databaseUrl: string): DatabaseProvider {
  if (databaseUrl.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return "postgresql";
  throw new Error("DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)");
}

/** The default database of the demo: an SQLite file in the git-ignored data/ folder. */
export const DEFAULT_DATABASE_URL = "file:./data/madoguchi.db";

// Tags that select or leave out groups of browser tests.

/**
 * The tag of every test that starts a server of its own. Such a server always runs on
 * SQLite, so the PostgreSQL suite (tests/postgres/run.ts) leaves these tests out: they would
 * run exactly as in `npm test`, twice the time for nothing.
 */
export const OWN_SERVER = { tag: "@own-sqlite-server" } as const;

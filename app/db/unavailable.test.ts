import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./unavailable";

// Shapes as Prisma 6.19 throws them (recorded against a locked SQLite file and a refused PostgreSQL port).
const sqliteLocked = {
  name: "PrismaClientKnownRequestError",
  code: "P1008",
  meta: { driverAdapterError: { name: "DriverAdapterError", cause: { originalCode: "SQLITE_BUSY", kind: "SocketTimeout" } } },
};
const postgresRefused = {
  name: "PrismaClientKnownRequestError",
  code: "P1001",
  meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 9 } } },
};
// A raw query reports the refusal under the generic "raw query failed" code.
const rawQueryRefused = { ...postgresRefused, code: "P2010" };
const transactionNotStarted = {
  name: "PrismaClientKnownRequestError",
  code: "P2028",
  meta: {},
  message: "Transaction API error: Unable to start a transaction in the given time.",
};
const connectionCut = { name: "PrismaClientKnownRequestError", code: "P2010", meta: { driverAdapterError: { cause: { kind: "ConnectionClosed" } } } };

describe("isDatabaseUnavailable", () => {
  it("recognises a locked SQLite file, an unreachable or cut PostgreSQL, and a client that never connected", () => {
    for (const error of [sqliteLocked, postgresRefused, rawQueryRefused, connectionCut, transactionNotStarted, { name: "PrismaClientInitializationError" }]) {
      expect(isDatabaseUnavailable(error), JSON.stringify(error)).toBe(true);
    }
  });

  it("leaves bugs and refusals of the data alone", () => {
    const uniqueViolation = { name: "PrismaClientKnownRequestError", code: "P2002", meta: { target: ["email"] } };
    const notFound = { name: "PrismaClientKnownRequestError", code: "P2025" };
    // A transaction used after it ended is a bug, not a busy database.
    const closedTransaction = {
      name: "PrismaClientKnownRequestError",
      code: "P2028",
      meta: {},
      message: "Transaction API error: Transaction already closed: A query cannot be executed on a committed transaction.",
    };
    for (const error of [uniqueViolation, notFound, closedTransaction, new TypeError("x is undefined"), new Response(null, { status: 404 }), null, "P1001"]) {
      expect(isDatabaseUnavailable(error)).toBe(false);
    }
  });
});

// Whether an error means the database can't be used right now (unreachable, its connection
// cut, or a write lock held elsewhere past the busy timeout), as opposed to a bug or a bad
// query. Such a request is answered 503 "try again shortly" (app/server/database-outage.ts).
// Read from the shape Prisma gives its errors, so this module needs neither client.

// P1001 can't reach, P1002 reached but timed out, P1008 operation timed out (SQLite's busy
// timeout ends this way), P1017 server closed the connection, P2024 no pooled connection in time.
const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// P2028 is every transaction API error; only this one says the database was busy: the
// transactions before it (or a write lock held elsewhere) kept it from starting within maxWait.
const TRANSACTION_NOT_STARTED = "Unable to start a transaction in the given time";
// What the driver adapters report under meta.driverAdapterError.cause.kind.
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "SocketTimeout", "ConnectionClosed", "TooManyConnections"]);

interface PrismaLikeError {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown } } };
}

export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { name, code, message, meta } = error as PrismaLikeError;
  if (name === "PrismaClientInitializationError") return true;
  if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
  if (code === "P2028" && typeof message === "string" && message.includes(TRANSACTION_NOT_STARTED)) return true;
  const kind = meta?.driverAdapterError?.cause?.kind;
  return typeof kind === "string" && UNAVAILABLE_KINDS.has(kind);
}

// The reseal after a key rotation on PostgreSQL: the same seeded data and the same checks as
// the SQLite test (tests/support/reseal-case.ts), in a throwaway database of its own.
import { describeReseal, seedUnderOldKey } from "../support/reseal-case";
import { useScratchDatabase } from "./scratch-database";

describeReseal(useScratchDatabase("reseal", seedUnderOldKey));

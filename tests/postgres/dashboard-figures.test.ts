// The dashboard's figures on PostgreSQL: the same seeded database and the same expected
// numbers as the SQLite test (tests/support/dashboard-figures-case.ts), in a throwaway
// database of its own.
import { describeKnownFigures, seedKnownFigures } from "../support/dashboard-figures-case";
import { useScratchDatabase } from "./scratch-database";

describeKnownFigures(useScratchDatabase("figures", seedKnownFigures));

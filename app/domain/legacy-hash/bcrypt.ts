// bcrypt as crypt(3) writes it: "$2a$", "$2b$" or "$2y$", a two-digit cost, then the 22-character
// salt and the 31-character hash in bcrypt's base64 alphabet ("./A-Za-z0-9"). The native
// library (on libuv's thread pool) is loaded only when a digest is computed, so the import's
// worker threads, which only split, never load it.
import type { LegacyHashScheme } from "./scheme";

// Costs above 15 are refused as malformed: each step doubles the work, and a hostile import
// file could otherwise make every verification of its hashes a denial of service (cost 31 is
// days of CPU). The cost 04 floor is bcrypt's own.
const COST = "(?:0[4-9]|1[0-5])";
const STORED = new RegExp(`^\\$2[aby]\\$${COST}\\$[./A-Za-z0-9]{53}$`);
const PARAMETERS = new RegExp(`^\\$2[aby]\\$${COST}\\$[./A-Za-z0-9]{22}$`);

// "$2x$NN$" and the salt.
const PARAMETERS_LENGTH = 29;

export const bcryptScheme: LegacyHashScheme = {
  name: "bcrypt",
  split(stored) {
    if (!STORED.test(stored)) return null;
    return { parameters: stored.slice(0, PARAMETERS_LENGTH), digest: stored.slice(PARAMETERS_LENGTH) };
  },
  async digest(password, parameters) {
    // Parameters come from split(); checked again so a tampered row can't raise the cost.
    if (!PARAMETERS.test(parameters)) throw new Error("malformed bcrypt parameters");
    // "$2y$" is PHP's marker for the algorithm the library calls "$2b$", which it doesn't accept.
    const salt = parameters.startsWith("$2y$") ? `$2b$${parameters.slice(4)}` : parameters;
    const { default: bcryptLibrary } = await import("bcrypt");
    const hash = await bcryptLibrary.hash(password, salt);
    return hash.slice(PARAMETERS_LENGTH);
  },
};

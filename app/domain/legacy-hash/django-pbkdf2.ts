// PBKDF2-SHA256 in Django's format: "pbkdf2_sha256$<iterations>$<salt>$<base64 of 32 bytes>".
// node:crypto's pbkdf2 runs on libuv's thread pool.
import { pbkdf2 } from "node:crypto";
import { promisify } from "node:util";
import type { LegacyHashScheme } from "./scheme";

const derive = promisify(pbkdf2);
// Django's default is in the hundreds of thousands; far above 10 million, a file could make
// each check of the leaked password tie up a core for seconds.
const MAX_ITERATIONS = 10_000_000;
const DJANGO = /^(pbkdf2_sha256\$([1-9][0-9]{0,7})\$([^$]{1,128}))\$([A-Za-z0-9+/]{43}=)$/;

export const djangoPbkdf2Scheme: LegacyHashScheme = {
  name: "pbkdf2-sha256",
  split(stored) {
    const match = DJANGO.exec(stored);
    if (!match || Number(match[2]) > MAX_ITERATIONS) return null;
    return { parameters: match[1]!, digest: match[4]! };
  },
  async digest(password, parameters) {
    const [, iterations, salt] = parameters.split("$");
    // Parameters come from split(); checked again so an edited row can't raise the work.
    if (!(Number(iterations) >= 1 && Number(iterations) <= MAX_ITERATIONS) || !salt) throw new Error("malformed pbkdf2 parameters");
    return (await derive(password, salt!, Number(iterations), 32, "sha256")).toString("base64");
  },
};

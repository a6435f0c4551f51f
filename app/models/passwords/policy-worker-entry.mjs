// Entry of the password-policy worker thread (piscina loads it). Node 20 doesn't carry
// tsx's loader into a worker, so it is registered before the TypeScript module is loaded.
import { register } from "tsx/esm/api";

register();
const { default: check } = await import(new URL("./policy-worker.ts", import.meta.url).href);
export default check;

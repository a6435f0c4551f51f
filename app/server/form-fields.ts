// What a form (a body or a query string, still encoded) may hold before anything parses it.
// Conform turns field names into objects and lists and every page echoes a refused form back
// (reply's initialValue), so what a name implies is what the server builds:
// - "a[999999999]" is a list of a billion entries; 998 names "fN[9999]" in 16 KB, ten million
//   entries (15 s); so list indices are bounded, and so are a form's list entries in all.
// - each repeat of a name copies the list of its values, so 20,000 repeats of "x=" (59 KB)
//   took 18 s and 1.39 million (4 MB) more than twelve minutes; so repeats are bounded.
// - "__intent__" is JSON naming a list and an index to insert at ("index": 20000000 took
//   21 s and 60 MB), and "__state__" JSON whose keys are names; the app sends only intents,
//   so those are checked like names, and a state is refused.
// The separators are counted before anything is parsed, so a body of a million fields costs
// no more than one of a thousand; only then is it parsed, in time proportional to its size.

/** More than twice the most fields a form of the app sends: the notice editor's ~310. */
export const MAX_FORM_FIELDS = 1_000;
/** Twice the most a name repeats in a form of the app: a notice group's 100 category boxes. */
export const MAX_NAME_REPEATS = 200;
/** Far past the longest list a form of the app sends (the notice's timeline: 100 entries). */
export const MAX_FIELD_INDEX = 9_999;
/** The entries all of a form's lists may hold together: one list at its longest. */
export const MAX_LIST_ENTRIES = MAX_FIELD_INDEX + 1;
/** The app's longest field name has about 30 characters. */
export const MAX_NAME_LENGTH = 200;

const INTENT = "__intent__";
const STATE = "__state__";
const LIST_INDEX = /\[(\d+)\]/g;

/** The highest index seen in each list of a form, and the entries they hold in all. */
class ListEntries {
  private highest = new Map<string, number>();
  total = 0;

  /** Whether the list at `path` may reach `index` within the bounds. */
  admit(path: string, index: number): boolean {
    if (!Number.isSafeInteger(index) || index < 0 || index > MAX_FIELD_INDEX) return false;
    const before = this.highest.get(path) ?? -1;
    if (index <= before) return true;
    this.highest.set(path, index);
    this.total += index - before;
    return this.total <= MAX_LIST_ENTRIES;
  }
}

function nameAcceptable(name: string, lists: ListEntries): boolean {
  if (name.length > MAX_NAME_LENGTH) return false;
  for (const match of name.matchAll(LIST_INDEX)) {
    if (!lists.admit(name.slice(0, match.index), Number(match[1]))) return false;
  }
  return true;
}

/** The intents the app's buttons send (the notice editor's timeline rows); "update" runs only in the browser. */
const SUBMITTED_INTENTS = new Set(["insert", "remove"]);
/** Far past the largest the app sends: inserting an empty timeline row, about 120 bytes. */
const MAX_INTENT_LENGTH = 2_048;

/**
 * Conform's list intents, as its buttons send them: {"type": …, "payload": {"name", "index"…}}.
 * Only the kinds the app sends, and small: a value carried in one is a list Conform rebuilds.
 */
function intentAcceptable(value: string, lists: ListEntries): boolean {
  if (value.length > MAX_INTENT_LENGTH) return false;
  let intent: unknown;
  try {
    intent = JSON.parse(value);
  } catch {
    return false;
  }
  if (typeof intent !== "object" || intent === null) return false;
  const { type, payload } = intent as { type?: unknown; payload?: unknown };
  if (typeof type !== "string" || !SUBMITTED_INTENTS.has(type) || typeof payload !== "object" || payload === null) return false;
  const { name = "", index, from, to } = payload as Record<string, unknown>;
  if (typeof name !== "string" || !nameAcceptable(name, lists)) return false;
  return [index, from, to].every((position) => position === undefined || lists.admit(name, position as number));
}

/** Whether a form has only what a form of the app could send (see the top of the file). */
export function formFieldsAcceptable(encoded: string): boolean {
  let fields = 1;
  for (let at = encoded.indexOf("&"); at !== -1; at = encoded.indexOf("&", at + 1)) {
    if (++fields > MAX_FORM_FIELDS) return false;
  }
  const repeats = new Map<string, number>();
  const lists = new ListEntries();
  for (const [name, value] of new URLSearchParams(encoded)) {
    const seen = (repeats.get(name) ?? 0) + 1;
    if (seen > MAX_NAME_REPEATS) return false;
    repeats.set(name, seen);
    if (name === STATE || !nameAcceptable(name, lists)) return false;
    if (name === INTENT && (seen > 1 || !intentAcceptable(value, lists))) return false;
  }
  return true;
}

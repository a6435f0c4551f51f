// What a sweep of the sealed columns tells the operator rotating keys (ADR 006): how many
// envelopes still name each key id, and so which keys can leave DATA_ENCRYPTION_KEYS.

export interface SweepCounts {
  /** Envelopes by the key id they name. */
  byKey: Record<string, number>;
  /** Values no key of the ring opens: a key id missing from the ring, or damage. */
  unreadable: number;
}

export interface KeyUsage {
  keys: { keyId: string; envelopes: number; inRing: boolean; current: boolean }[];
  unreadable: number;
  /** Keys of the ring that no envelope names any more: they may be removed from it. */
  retirable: string[];
  /** True when every envelope names the first key and opens: nothing is left to reseal. */
  done: boolean;
}

export function addCounts(into: SweepCounts, more: SweepCounts): SweepCounts {
  const byKey = { ...into.byKey };
  for (const [keyId, count] of Object.entries(more.byKey)) byKey[keyId] = (byKey[keyId] ?? 0) + count;
  return { byKey, unreadable: into.unreadable + more.unreadable };
}

/** Every key of the ring (in its order, zero counts included), then any other key id found. */
export function keyUsage(counts: SweepCounts, ringIds: string[]): KeyUsage {
  const currentId = ringIds[0];
  const found = Object.keys(counts.byKey)
    .filter((keyId) => !ringIds.includes(keyId))
    .sort();
  const keys = [...ringIds, ...found].map((keyId) => ({
    keyId,
    envelopes: counts.byKey[keyId] ?? 0,
    inRing: ringIds.includes(keyId),
    current: keyId === currentId,
  }));
  const leftOver = keys.some((key) => !key.current && key.envelopes > 0);
  return {
    keys,
    unreadable: counts.unreadable,
    retirable: keys.filter((key) => key.inRing && !key.current && key.envelopes === 0).map((key) => key.keyId),
    done: !leftOver && counts.unreadable === 0,
  };
}

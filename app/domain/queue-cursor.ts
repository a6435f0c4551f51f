// Where the next page of a staff queue starts, as it travels in the URL ("after=..."): the
// sort key of the last row shown and its id, which breaks ties. Both queues (inquiries,
// deletion requests) page this way, so page 400 costs what page one does.

export interface QueueCursor {
  at: Date;
  id: string;
}

export function encodeCursor(cursor: QueueCursor): string {
  return `${cursor.at.getTime().toString(36)}.${cursor.id}`;
}

/** A cursor from the URL, or null for anything that isn't one (a hand-edited link shows page one). */
export function decodeCursor(value: string | null): QueueCursor | null {
  const match = value ? /^([0-9a-z]{1,12})\.([a-z0-9]{20,32})$/.exec(value) : null;
  if (!match) return null;
  const at = new Date(parseInt(match[1]!, 36));
  return Number.isNaN(at.getTime()) ? null : { at, id: match[2]! };
}

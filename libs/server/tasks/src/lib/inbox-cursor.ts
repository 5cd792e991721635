/**
 * The inbox's keyset cursor: where the last row of a page sits in the inbox's order, so the next page
 * starts after it with an index range instead of counting past every earlier row (OFFSET). Opaque to
 * clients (base64url of a small JSON); it carries the row's sort key at the database's precision
 * (microseconds, as text) and its id — no title, person or case data.
 */
export interface InboxCursor {
  /** The order the cursor was made in; a cursor only continues the same order. */
  sort: 'due' | 'created';
  /** Whether the row was open (in "all", open tasks come first). */
  open: boolean;
  /** The row's due or creation time, UTC, microseconds: `2026-12-07T15:14:17.123456Z`. */
  at: string;
  id: string;
}

const AT = /^[1-9]\d{3}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A cursor is well under this; anything longer is not one of ours. */
export const INBOX_CURSOR_MAX_LENGTH = 200;

export function encodeInboxCursor(cursor: InboxCursor): string {
  return Buffer.from(JSON.stringify({ s: cursor.sort, o: cursor.open ? 1 : 0, a: cursor.at, i: cursor.id })).toString('base64url');
}

/** The cursor in `text`, or null when it is not one this API made (malformed, or an impossible date). */
export function decodeInboxCursor(text: string): InboxCursor | null {
  if (text.length > INBOX_CURSOR_MAX_LENGTH || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object') return null;
  const { s, o, a, i } = raw as Record<string, unknown>;
  if ((s !== 'due' && s !== 'created') || (o !== 0 && o !== 1) || typeof a !== 'string' || typeof i !== 'string') return null;
  if (!AT.test(a) || !UUID.test(i)) return null;
  // The date must exist (no 2026-02-30): what the database would refuse is refused here, as a 400.
  const ms = Date.parse(`${a.slice(0, 23)}Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 23) !== a.slice(0, 23)) return null;
  return { sort: s, open: o === 1, at: a, id: i.toLowerCase() };
}

import { decodeInboxCursor, encodeInboxCursor, INBOX_CURSOR_MAX_LENGTH, type InboxCursor } from './inbox-cursor';

describe('the inbox cursor', () => {
  const cursor: InboxCursor = { sort: 'due', open: true, at: '2030-01-01T00:00:00.000003Z', id: '6f1c2f0e-4a4b-4c1d-9a53-1b2c3d4e5f60' };

  it('reads back what it wrote, to the microsecond, and stays short and URL-safe', () => {
    const text = encodeInboxCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(text.length).toBeLessThan(INBOX_CURSOR_MAX_LENGTH);
    expect(decodeInboxCursor(text)).toEqual(cursor);
    expect(decodeInboxCursor(encodeInboxCursor({ ...cursor, sort: 'created', open: false }))).toEqual({ ...cursor, sort: 'created', open: false });
  });

  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const raw = { s: 'due', o: 1, a: cursor.at, i: cursor.id };
  it.each([
    ['empty', ''],
    ['not base64url', 'a+b/c='],
    ['not JSON', Buffer.from('{').toString('base64url')],
    ['null', b64(null)],
    ['an unknown sort', b64({ ...raw, s: 'title' })],
    ['a flag that is not 0 or 1', b64({ ...raw, o: true })],
    ['a date without microseconds', b64({ ...raw, a: '2030-01-01T00:00:00.000Z' })],
    ['a day that does not exist', b64({ ...raw, a: '2030-02-30T00:00:00.000000Z' })],
    ['an hour that does not exist', b64({ ...raw, a: '2030-01-01T24:00:00.000000Z' })],
    ['year 0', b64({ ...raw, a: '0000-01-01T00:00:00.000000Z' })],
    ['an id that is not a UUID', b64({ ...raw, i: 'abc' })],
    ['too long', 'a'.repeat(INBOX_CURSOR_MAX_LENGTH + 1)],
  ])('refuses %s', (_what, text) => {
    expect(decodeInboxCursor(text)).toBeNull();
  });
});

import { inboxFilter, INBOX_PAGE_SIZE, readInboxParams, writeInboxParams, type InboxView } from './inboxParams';

const DEFAULTS: InboxView = { scope: 'mine', status: 'open', due: undefined, processKey: undefined, processId: undefined, sort: 'due', page: 1, cursor: undefined };
const MEETING = '6f1c2f0e-4a4b-4c1d-9a53-1b2c3d4e5f60';

describe('the inbox in the address bar', () => {
  it.each([
    ['', DEFAULTS],
    ['lingkup=instansi&status=selesai&urut=terbaru&hal=3', { ...DEFAULTS, scope: 'agency', status: 'done', sort: 'created', page: 3 }],
    ['lingkup=wilayah&tenggat=lewat&proses=coordination-meeting', { ...DEFAULTS, scope: 'jurisdiction', due: 'overdue', processKey: 'coordination-meeting' }],
    [`status=semua&prosesId=${MEETING}`, { ...DEFAULTS, status: 'all', processId: MEETING }],
    ['lingkup=semua&status=x&tenggat=kemarin&hal=-2&urut=acak&proses=DROP%20TABLE&prosesId=1', DEFAULTS],
  ])('reads ?%s, falling back to defaults for anything unknown', (query, view) => {
    expect(readInboxParams(new URLSearchParams(query))).toEqual(view);
  });

  it('writes only what differs from the defaults, and reads back the same', () => {
    const view: InboxView = { scope: 'agency', status: 'open', due: 'soon', processKey: undefined, processId: MEETING, sort: 'created', page: 2, cursor: undefined };
    const written = writeInboxParams(view);
    expect(written).toEqual({ lingkup: 'instansi', tenggat: 'segera', prosesId: MEETING, urut: 'terbaru', hal: '2' });
    expect(readInboxParams(new URLSearchParams(written))).toEqual(view);
    expect(writeInboxParams(DEFAULTS)).toEqual({});
  });

  it('asks the API for the page shown', () => {
    expect(inboxFilter({ ...DEFAULTS, page: 3 })).toEqual({ scope: 'mine', status: 'open', due: undefined, processKey: undefined, processId: undefined, sort: 'due', limit: INBOX_PAGE_SIZE, offset: 2 * INBOX_PAGE_SIZE });
  });

  it('keeps the cursor of a page reached with "next", and asks the API for that page by it instead of an offset', () => {
    const view: InboxView = { ...DEFAULTS, scope: 'jurisdiction', page: 41, cursor: 'eyJzIjoiZHVlIn0' };
    const written = writeInboxParams(view);
    expect(written).toEqual({ lingkup: 'wilayah', hal: '41', kursor: 'eyJzIjoiZHVlIn0' });
    expect(readInboxParams(new URLSearchParams(written))).toEqual(view);
    const filter = inboxFilter(view);
    expect(filter).toMatchObject({ cursor: 'eyJzIjoiZHVlIn0', limit: INBOX_PAGE_SIZE });
    expect(filter).not.toHaveProperty('offset');
  });

  it.each([
    ['kursor=abc', 'on the first page'],
    ['hal=2&kursor=a%2Bb%3D', 'with characters no cursor has'],
    [`hal=2&kursor=${'a'.repeat(201)}`, 'longer than any cursor'],
  ])('ignores ?%s (%s) and pages by offset', (query) => {
    expect(readInboxParams(new URLSearchParams(query)).cursor).toBeUndefined();
  });
});

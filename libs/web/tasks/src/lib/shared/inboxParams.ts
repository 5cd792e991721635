import type { InboxFilter, InboxScope } from '@gugus/web-data-access';

/** Rows per inbox page. */
export const INBOX_PAGE_SIZE = 20;

/** The inbox's state as the reader sees and shares it (the address bar, in Bahasa Indonesia). */
export interface InboxView {
  scope: InboxScope;
  status: 'open' | 'done' | 'all';
  due: 'overdue' | 'soon' | undefined;
  processKey: string | undefined;
  processId: string | undefined;
  sort: 'due' | 'created';
  /** 1-based. */
  page: number;
  /**
   * Where `page` starts, from the previous page's `nextCursor` (keyset paging: as quick on page 500 as
   * on page 2). Without it (a shared link, going back) the page is asked for by offset.
   */
  cursor: string | undefined;
}

const SCOPES: Record<string, InboxScope> = { saya: 'mine', instansi: 'agency', wilayah: 'jurisdiction' };
const STATUSES: Record<string, InboxView['status']> = { terbuka: 'open', selesai: 'done', semua: 'all' };
const DUES: Record<string, NonNullable<InboxView['due']>> = { lewat: 'overdue', segera: 'soon' };
const SORTS: Record<string, InboxView['sort']> = { tenggat: 'due', terbaru: 'created' };
const PROCESS_KEY = /^[a-z][a-z0-9-]{1,60}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CURSOR = /^[A-Za-z0-9_-]{1,200}$/;

const keyOf = <T>(map: Record<string, T>, value: T) => Object.keys(map).find((k) => map[k] === value);

/** Reads `?lingkup=instansi&status=selesai&tenggat=lewat&proses=…&urut=terbaru&hal=2&kursor=…`; anything unknown falls back to the default. */
export function readInboxParams(params: URLSearchParams): InboxView {
  const page = Number(params.get('hal'));
  const processKey = params.get('proses') ?? '';
  const processId = params.get('prosesId') ?? '';
  const cursor = params.get('kursor') ?? '';
  const onPage = Number.isInteger(page) && page > 0 ? page : 1;
  return {
    scope: SCOPES[params.get('lingkup') ?? ''] ?? 'mine',
    status: STATUSES[params.get('status') ?? ''] ?? 'open',
    due: DUES[params.get('tenggat') ?? ''],
    processKey: PROCESS_KEY.test(processKey) ? processKey : undefined,
    processId: UUID.test(processId) ? processId : undefined,
    sort: SORTS[params.get('urut') ?? ''] ?? 'due',
    page: onPage,
    cursor: onPage > 1 && CURSOR.test(cursor) ? cursor : undefined,
  };
}

/** The address-bar form of `view`, leaving defaults out. */
export function writeInboxParams(view: InboxView): Record<string, string> {
  const out: Record<string, string> = {};
  if (view.scope !== 'mine') out['lingkup'] = keyOf(SCOPES, view.scope) ?? '';
  if (view.status !== 'open') out['status'] = keyOf(STATUSES, view.status) ?? '';
  if (view.due) out['tenggat'] = keyOf(DUES, view.due) ?? '';
  if (view.processKey) out['proses'] = view.processKey;
  if (view.processId) out['prosesId'] = view.processId;
  if (view.sort !== 'due') out['urut'] = keyOf(SORTS, view.sort) ?? '';
  if (view.page > 1) out['hal'] = String(view.page);
  if (view.page > 1 && view.cursor) out['kursor'] = view.cursor;
  return out;
}

/** The API query for `view`: the page by its cursor when the reader came from the page before, else by offset. */
export function inboxFilter(view: InboxView): InboxFilter {
  return {
    scope: view.scope,
    status: view.status,
    due: view.due,
    processKey: view.processKey,
    processId: view.processId,
    sort: view.sort,
    limit: INBOX_PAGE_SIZE,
    ...(view.cursor ? { cursor: view.cursor } : { offset: (view.page - 1) * INBOX_PAGE_SIZE }),
  };
}

import { sharedInFlight } from './sharedInFlight';

/** A request the test settles by hand, counting how often it was started. */
function deferredRequests() {
  const settle: { resolve: (v: string) => void; reject: (e: Error) => void }[] = [];
  const start = jest.fn(() => new Promise<string>((resolve, reject) => settle.push({ resolve, reject })));
  return { start, settle };
}

describe('sharedInFlight', () => {
  it('starts one request for two callers of the same key (a double mount) and gives both its answer', async () => {
    const share = sharedInFlight<string>();
    const { start, settle } = deferredRequests();
    const first = share('form-draft:victim-screening:32:id', start);
    const second = share('form-draft:victim-screening:32:id', start);
    expect(start).toHaveBeenCalledTimes(1);
    settle[0].resolve('draft-1');
    await expect(Promise.all([first, second])).resolves.toEqual(['draft-1', 'draft-1']);
  });

  type Settle = { resolve: (v: string) => void; reject: (e: Error) => void };
  it.each<[string, (s: Settle) => void]>([
    ['answered', (s) => s.resolve('draft-1')],
    ['failed', (s) => s.reject(new Error('503'))],
  ])('asks again once the first request has %s (a reload)', async (_name, finish) => {
    const share = sharedInFlight<string>();
    const { start, settle } = deferredRequests();
    const first = share('k', start).catch(() => 'failed');
    finish(settle[0]);
    await first;
    void share('k', start);
    expect(start).toHaveBeenCalledTimes(2);
  });

  it('keeps keys apart', () => {
    const share = sharedInFlight<string>();
    const { start } = deferredRequests();
    void share('form-draft:a:32:id', start);
    void share('form-draft:b:32:id', start);
    expect(start).toHaveBeenCalledTimes(2);
  });
});

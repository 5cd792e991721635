import { readTaskContext } from './task-context';

describe('readTaskContext', () => {
  it('keeps a context that names its kind', () => {
    const stored = { kind: 'meeting', meetingId: 'm1', meetingTitle: 'Rapat Pleno', meetingKind: 'plenary', scheduledAt: '2026-12-22T02:00:00.000Z', round: 2 };
    expect(readTaskContext(stored)).toEqual(stored);
  });

  it('reads a meeting task stored before contexts had a kind by its meeting id', () => {
    expect(readTaskContext({ meetingId: 'm1', meetingTitle: 'Rapat Pleno', reviewSubmissionId: 's1' })).toEqual({ kind: 'meeting', meetingId: 'm1', meetingTitle: 'Rapat Pleno', reviewSubmissionId: 's1' });
  });

  it.each([[{}], [null], [[1, 2]], ['text'], [{ kind: 'something-else', prefill: { a: 1 } }]])('reads anything else (%j) as generic', (stored) => {
    expect(readTaskContext(stored).kind).toBe('generic');
  });
});

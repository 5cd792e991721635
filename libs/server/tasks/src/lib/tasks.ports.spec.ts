import { NOTIFICATION_TITLE_MAX, notificationTitle } from './tasks.ports';

describe('notificationTitle', () => {
  it('keeps a short title as it is', () => {
    expect(notificationTitle({ id: 'Susun agenda: Rapat Pleno', en: 'Draft the agenda: Plenary' })).toEqual({ id: 'Susun agenda: Rapat Pleno', en: 'Draft the agenda: Plenary' });
  });

  it('clips a title quoting a long action point to what a notification takes, marking the cut', () => {
    const long = `Tindak lanjut #1: ${'a'.repeat(500)}`;
    const clipped = notificationTitle({ id: long, en: long });
    expect(clipped.id).toHaveLength(NOTIFICATION_TITLE_MAX);
    expect(clipped.id.endsWith('…')).toBe(true);
    expect(clipped.id.startsWith('Tindak lanjut #1: aaa')).toBe(true);
  });
});

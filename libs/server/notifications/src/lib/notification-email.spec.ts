import { APP_PATH, composeNotificationEmail } from './notification-email';

const title = { id: 'Tugas baru: Susun agenda rapat pleno', en: 'New task: Draft the plenary meeting agenda' };
const body = { id: 'Tenggat: 12 Januari 2027', en: 'Due: 12 January 2027' };

describe('composeNotificationEmail', () => {
  it('puts Bahasa Indonesia first, then English, with a link into the app', () => {
    const mail = composeNotificationEmail({ title, body, link: '/tugas/7f0c3c1e-3a59-4a1a-9f3e-1d2b3c4d5e6f' }, 'https://gugus.example.go.id');
    expect(mail.subject).toBe('[Gugus] Tugas baru: Susun agenda rapat pleno / New task: Draft the plenary meeting agenda');
    const lines = mail.text.split('\n');
    expect(lines.indexOf(title.id)).toBeLessThan(lines.indexOf(title.en));
    expect(lines).toContain(body.id);
    expect(lines).toContain(body.en);
    expect(lines).toContain('Buka di Gugus: https://gugus.example.go.id/tugas/7f0c3c1e-3a59-4a1a-9f3e-1d2b3c4d5e6f');
    expect(lines).toContain('Open in Gugus: https://gugus.example.go.id/tugas/7f0c3c1e-3a59-4a1a-9f3e-1d2b3c4d5e6f');
  });

  it('links to the notification list when the caller gave no link, and keeps the subject on one line', () => {
    const mail = composeNotificationEmail({ title: { id: 'Satu\ndua', en: 'One\r\ntwo' }, body, link: null }, 'http://localhost:5173/');
    expect(mail.subject).toBe('[Gugus] Satu dua / One two');
    expect(mail.text).toContain('http://localhost:5173/notifikasi');
  });

  it.each([
    ['/tugas/7f0c3c1e-3a59-4a1a-9f3e-1d2b3c4d5e6f', true],
    ['/notifikasi', true],
    ['/', true],
    ['tugas/1', false],
    ['/kasus?nama=Siti', false],
    ['/tugas/1#catatan', false],
    ['https://elsewhere.example/tugas/1', false],
    ['//elsewhere/x', false],
    ['/kasus/21.71-2027-0001', true],
    ['/kasus/../admin', false],
    ['/.hidden', false],
  ])('accepts %s as an app path: %s', (link, ok) => {
    expect(APP_PATH.test(link)).toBe(ok);
  });
});

import type { BilingualText } from '@gugus/server-http';

/**
 * App paths only: no query string or fragment, so nothing but an ID can travel in a link. Dots are
 * allowed inside a segment (a coded case id, `/kasus/21.71-2027-0001`), never as `..`.
 */
export const APP_PATH = /^\/(?!.*\.\.)([A-Za-z0-9_-][A-Za-z0-9/_.-]*)?$/;

export interface NotificationEmail {
  subject: string;
  text: string;
}

/**
 * The e-mail for one notification: exactly the caller's title and text in both languages (Bahasa
 * Indonesia first) and a link into the app. Nothing else goes in: no names, no case data.
 */
export function composeNotificationEmail(input: { title: BilingualText; body: BilingualText; link: string | null }, appUrl: string): NotificationEmail {
  const url = new URL(input.link ?? '/notifikasi', appUrl).toString();
  const text = [
    input.title.id,
    '',
    input.body.id,
    '',
    `Buka di Gugus: ${url}`,
    '',
    '---',
    '',
    input.title.en,
    '',
    input.body.en,
    '',
    `Open in Gugus: ${url}`,
    '',
    '--',
    'Pesan otomatis dari Gugus; mohon tidak membalas. / Automatic message from Gugus; please do not reply.',
    '',
  ].join('\n');
  // One line: a header must not carry line breaks from the caller's text.
  const subject = `[Gugus] ${input.title.id} / ${input.title.en}`.replace(/\s+/g, ' ').slice(0, 200);
  return { subject, text };
}

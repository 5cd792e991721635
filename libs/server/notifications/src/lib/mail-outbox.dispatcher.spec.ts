import { describeMailError, MAX_MAIL_ATTEMPTS, retryDelaySeconds } from './mail-outbox.dispatcher';

describe('retryDelaySeconds', () => {
  it.each([
    [1, 30],
    [2, 60],
    [3, 120],
    [7, 1920],
    [MAX_MAIL_ATTEMPTS, null],
  ])('after attempt %i waits %p seconds', (attempts, expected) => {
    expect(retryDelaySeconds(attempts)).toBe(expected);
  });

  it('never waits more than an hour', () => {
    for (let a = 1; a < MAX_MAIL_ATTEMPTS; a++) expect(retryDelaySeconds(a)).toBeLessThanOrEqual(3600);
  });
});

describe('describeMailError', () => {
  it('keeps the SMTP codes and blanks out addresses', () => {
    const err = Object.assign(new Error('Recipient command failed: 550 5.1.1 <siti.aminah@example.org>: user unknown'), { code: 'EENVELOPE', responseCode: 550 });
    expect(describeMailError(err)).toBe('EENVELOPE 550 Recipient command failed: 550 5.1.1 <<address>>: user unknown');
  });
});

import { contentDispositionFileName } from './apiClient';

describe('the name of a downloaded file', () => {
  it.each([
    ['attachment; filename="RAD-32-2027.pdf"', 'RAD-32-2027.pdf'],
    ["attachment; filename=\"RAD.xlsx\"; filename*=UTF-8''RAD%20Jawa%20Barat%202027%E2%80%932031.xlsx", 'RAD Jawa Barat 2027–2031.xlsx'],
    ['attachment; filename=plain.pdf', 'plain.pdf'],
    ["attachment; filename*=UTF-8''bad%ZZ; filename=\"fallback.pdf\"", 'fallback.pdf'],
    ['attachment', null],
    [null, null],
  ])('reads %j as %j', (header, name) => {
    expect(contentDispositionFileName(header)).toBe(name);
  });
});

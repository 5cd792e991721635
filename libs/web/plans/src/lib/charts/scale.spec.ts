import { niceCeil, wrapWords } from './scale';

describe('chart helpers', () => {
  it.each([
    [15_000, 16_000],
    [528_000_000, 600_000_000],
    [95, 100],
    [1, 1.2],
    [0, 1],
  ])('tops an axis holding %d at %d', (value, top) => {
    expect(niceCeil(value)).toBeCloseTo(top);
  });

  it('wraps a long name into lines of about the width, never splitting a word', () => {
    expect(wrapWords('Rehabilitasi Sosial, Pemulangan, dan Reintegrasi Sosial', 20)).toEqual(['Rehabilitasi Sosial,', 'Pemulangan, dan', 'Reintegrasi Sosial']);
  });
});

const NICE = [1, 1.2, 1.5, 1.6, 2, 2.5, 3, 4, 5, 6, 8, 10];

/** A round number a little above `value` (the top of an axis, so a target line at the top stays clear of the edge). */
export function niceCeil(value: number): number {
  if (!(value > 0)) return 1;
  const padded = value * 1.05;
  const power = 10 ** Math.floor(Math.log10(padded));
  return (NICE.find((n) => n * power >= padded) ?? 10) * power;
}

/** Breaks a long category name into lines of about `width` characters (SVG text does not wrap by itself). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * Word wrapping for a fixed number of columns (monospace font A). Counts code points, so call
 * it on printable text (see `toPrintable`), where every character is one printer cell.
 */

/** Greedy word wrap; explicit newlines start a new line, words longer than a line are split. */
export function wrapText(text: string, columns: number): string[] {
  if (!Number.isInteger(columns) || columns < 1) throw new RangeError(`columns must be ≥ 1, got ${columns}`);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const words = paragraph.split(' ').filter((w) => w.length > 0);
    let line: string[] = [];
    let length = 0;
    const flush = () => {
      lines.push(line.join(''));
      line = [];
      length = 0;
    };
    if (words.length === 0) {
      lines.push('');
      continue;
    }
    for (const word of words) {
      let chars = [...word];
      if (length > 0 && length + 1 + chars.length <= columns) {
        line.push(' ', word);
        length += 1 + chars.length;
        continue;
      }
      if (length > 0) flush();
      while (chars.length > columns) {
        lines.push(chars.slice(0, columns).join(''));
        chars = chars.slice(columns);
      }
      line.push(chars.join(''));
      length = chars.length;
    }
    if (length > 0) flush();
  }
  return lines;
}

/** `label` left and `value` right on one line when both fit, else the label wrapped and the value right-aligned below. */
export function labelValue(label: string, value: string, columns: number): string[] {
  const l = [...label].length;
  const v = [...value].length;
  if (l + 1 + v <= columns) return [label + ' '.repeat(columns - l - v) + value];
  const lines = wrapText(label, columns);
  for (const valueLine of wrapText(value, columns)) lines.push(' '.repeat(columns - [...valueLine].length) + valueLine);
  return lines;
}

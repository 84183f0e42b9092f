/**
 * Go's text/tabwriter, enough of it for kubectl: cells are tab-terminated, a column block is a
 * run of consecutive lines that have a cell in that column, and its width is the widest cell
 * plus padding (at least minwidth). The trailing cell of a line is not part of any column.
 * kubectl tables use minwidth 6, padding 3 (cli-runtime printers/tabwriter.go); describe uses
 * minwidth 0, padding 2 (kubectl pkg/describe/describe.go: tabbedString).
 */

function runeLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Formats text whose cells are separated by `\t` (Go tabwriter with flags 0, padchar ' '). */
export function tabformat(text: string, minwidth: number, padding: number): string {
  const endsWithNewline = text.endsWith('\n');
  const lines = (endsWithNewline ? text.slice(0, -1) : text).split('\n').map((l) => l.split('\t'));
  const widths: number[][] = lines.map(() => []);
  const format = (line0: number, line1: number, col: number): void => {
    for (let i = line0; i < line1; i++) {
      if (col >= lines[i]!.length - 1) continue;
      let width = minwidth;
      let j = i;
      for (; j < line1 && col < lines[j]!.length - 1; j++) width = Math.max(width, runeLength(lines[j]![col]!) + padding);
      for (let k = i; k < j; k++) widths[k]![col] = width;
      format(i, j, col + 1);
      i = j - 1;
    }
  };
  format(0, lines.length, 0);
  const out = lines.map((cells, i) =>
    cells.map((c, col) => (col < cells.length - 1 ? c + ' '.repeat(Math.max(0, widths[i]![col]! - runeLength(c))) : c)).join(''),
  );
  return out.join('\n') + (endsWithNewline ? '\n' : '');
}

/** A kubectl table: rows of cells, laid out with minwidth 6 and padding 3. */
export function tabwrite(rows: string[][]): string {
  return tabformat(rows.map((r) => r.join('\t')).join('\n') + '\n', 6, 3);
}

/**
 * A kubectl table printed through a writer that keeps column widths across flushes
 * (cli-runtime's tabwriter.RememberWidths, github.com/liggitt/tabwriter): `kubectl get -w`
 * prints one flush per event, each row laid out with the widest cells seen so far.
 * `widths` is updated in place.
 */
export function tabwriteRemembering(rows: string[][], widths: number[]): string {
  for (const r of rows) {
    for (let c = 0; c < r.length - 1; c++) widths[c] = Math.max(widths[c] ?? 6, runeLength(r[c]!) + 3);
  }
  return rows.map((r) => r.map((cell, c) => (c < r.length - 1 ? cell + ' '.repeat(Math.max(0, widths[c]! - runeLength(cell))) : cell)).join('')).join('\n') + '\n';
}

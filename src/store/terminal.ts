/** Terminal scrollback kept in the store so it survives switching tabs. */

export interface TerminalLine {
  id: number;
  kind: 'input' | 'stdout' | 'stderr';
  text: string;
}

/** Lines of scrollback kept (older ones scroll away, like a real terminal's buffer). */
export const MAX_TERMINAL_LINES = 2000;

let nextLineId = 1;

/** Append output, splitting it into lines; a trailing newline does not add an empty line. */
export function appendTerminal(lines: TerminalLine[], entry: Omit<TerminalLine, 'id'>): TerminalLine[] {
  const text = entry.text.endsWith('\n') ? entry.text.slice(0, -1) : entry.text;
  const added = text.split('\n').map((t) => ({ id: nextLineId++, kind: entry.kind, text: t }));
  const all = lines.concat(added);
  return all.length > MAX_TERMINAL_LINES ? all.slice(-MAX_TERMINAL_LINES) : all;
}

/**
 * POSIX-shell word splitting for scenario lines (IEEE Std 1003.1, "Token Recognition" and
 * "Quoting"): blanks separate words; `'…'` is literal; in `"…"` a backslash escapes only
 * `$ \` " \\` and newline; outside quotes a backslash escapes the next character; a word that
 * starts with `#` begins a comment. No expansions: `$`, globs and `~` stay literal.
 */

export class ShellSyntaxError extends Error {}

/** Splits one line into words; throws ShellSyntaxError for an unterminated quote. */
export function splitWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  const n = line.length;
  while (i < n) {
    const c = line[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i++;
      continue;
    }
    if (c === '#' && !inWord) break;
    inWord = true;
    if (c === '\\') {
      if (i + 1 < n) {
        // backslash-newline is a line continuation and disappears
        if (line[i + 1] !== '\n') word += line[i + 1];
        i += 2;
      } else {
        word += '\\';
        i++;
      }
      continue;
    }
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new ShellSyntaxError('unterminated quoted string');
      word += line.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (c === '"') {
      i++;
      let closed = false;
      while (i < n) {
        const d = line[i]!;
        if (d === '"') {
          closed = true;
          i++;
          break;
        }
        if (d === '\\' && i + 1 < n && '$`"\\\n'.includes(line[i + 1]!)) {
          if (line[i + 1] !== '\n') word += line[i + 1];
          i += 2;
          continue;
        }
        word += d;
        i++;
      }
      if (!closed) throw new ShellSyntaxError('unterminated quoted string');
      continue;
    }
    word += c;
    i++;
  }
  if (inWord) words.push(word);
  return words;
}

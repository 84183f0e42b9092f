import { describe, expect, it } from 'vitest';
import { splitWords } from './shell.ts';
import { parseSleepDuration } from './duration.ts';

describe('POSIX word splitting', () => {
  it.each([
    ['kubectl get pods', ['kubectl', 'get', 'pods']],
    ['  kubectl\tget   pods  ', ['kubectl', 'get', 'pods']],
    [`sim node add "big one" --labels 'a=b c'`, ['sim', 'node', 'add', 'big one', '--labels', 'a=b c']],
    [`echo 'it''s'`, ['echo', 'its']],
    [`echo "a \\"q\\" \\$x \\n"`, ['echo', 'a "q" $x \\n']],
    [`echo a\\ b c\\\\d`, ['echo', 'a b', 'c\\d']],
    [`echo '' ""`, ['echo', '', '']],
    [`echo 'a'"b"c`, ['echo', 'abc']],
    ['kubectl get pods # a comment', ['kubectl', 'get', 'pods']],
    ['kubectl get po#not-a-comment', ['kubectl', 'get', 'po#not-a-comment']],
    ['# only a comment', []],
    ['', []],
    ["echo '#x'", ['echo', '#x']],
    ['echo a\\\nb', ['echo', 'ab']],
  ])('%j', (line, words) => {
    expect(splitWords(line)).toEqual(words);
  });

  it('rejects unterminated quotes', () => {
    expect(() => splitWords(`echo 'abc`)).toThrow('unterminated quoted string');
    expect(() => splitWords('echo "abc')).toThrow('unterminated quoted string');
  });
});

describe('sleep durations', () => {
  it.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['2', 2000],
  ])('%s', (s, ms) => expect(parseSleepDuration(s)).toBe(ms));

  it('rejects bad durations', () => {
    expect(() => parseSleepDuration('soon')).toThrow('time: invalid duration "soon"');
    expect(() => parseSleepDuration('-1s')).toThrow('must not be negative');
  });
});

import { describe, expect, it } from 'vitest';
import { tabformat, tabwrite } from './tabwriter.ts';

describe('tabwriter', () => {
  it('pads columns to the widest cell + 3, at least 6, and leaves the last column unpadded', () => {
    expect(tabwrite([
      ['NAME', 'READY', 'STATUS'],
      ['a', '1/1', 'Running'],
      ['longer-name', '0/1', 'Pending'],
    ])).toBe('NAME          READY   STATUS\na             1/1     Running\nlonger-name   0/1     Pending\n');
  });

  it('uses the minimum width 6 for short columns', () => {
    expect(tabwrite([['A', 'B'], ['x', 'y']])).toBe('A     B\nx     y\n');
  });

  it('aligns column blocks separately (describe layout)', () => {
    const text = 'Name:\tweb\nNamespace:\tdefault\nContainers:\n  c:\n    Image:\tnginx\n';
    expect(tabformat(text, 0, 2)).toBe('Name:       web\nNamespace:  default\nContainers:\n  c:\n    Image:  nginx\n');
  });
});

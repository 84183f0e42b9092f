import { describe, expect, it } from 'vitest';
import { canonicalJSON, computeHash, fnv32a, safeEncodeString } from './hash.ts';

describe('pod-template-hash', () => {
  it('SafeEncodeString maps decimal digits as upstream (alphanums[ch % 27])', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
    // The example from the docs: nginx-deployment-66b6c48dd5 is the encoding of sum32 2262704881.
    expect(safeEncodeString('2262704881')).toBe('66b6c48dd5');
  });

  it('FNV-32a matches the reference vectors', () => {
    const enc = new TextEncoder();
    expect(fnv32a(enc.encode(''))).toBe(0x811c9dc5);
    expect(fnv32a(enc.encode('a'))).toBe(0xe40c292c);
    expect(fnv32a(enc.encode('foobar'))).toBe(0xbf9cf968);
  });

  it('canonical JSON sorts keys and drops undefined members', () => {
    expect(canonicalJSON({ b: 1, a: { d: [1, { z: 1, y: undefined }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"z":1}]},"b":1}');
  });

  it('is deterministic, key-order independent, uses only the digit alphabet, and changes with collisionCount', () => {
    const t1 = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } };
    const t2 = { spec: { containers: [{ image: 'nginx:1.25', name: 'web' }] }, metadata: { labels: { app: 'web' } } };
    const h = computeHash(t1);
    expect(h).toBe(computeHash(t2));
    expect(h).toMatch(/^[456789bcdf]{1,10}$/);
    expect(computeHash(t1, 0)).not.toBe(h);
    expect(computeHash(t1, 1)).not.toBe(computeHash(t1, 0));
    expect(computeHash({ ...t1, spec: { containers: [{ name: 'web', image: 'nginx:1.26' }] } })).not.toBe(h);
  });
});

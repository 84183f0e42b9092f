import { describe, expect, it } from 'vitest';
import { goJson, threeWayMergePatch } from './patch.ts';

describe('three-way strategic merge patch (client-side apply)', () => {
  const live = {
    metadata: { name: 'web', labels: { app: 'web' }, uid: 'u', resourceVersion: '7' },
    spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent', ports: [{ containerPort: 80, protocol: 'TCP' }] }], restartPolicy: 'Always' },
  };
  const applied = { metadata: { name: 'web', labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] } };

  it('is empty when the manifest is already live (defaults are ignored)', () => {
    expect(threeWayMergePatch(applied, applied, live)).toEqual({});
  });

  it('patches a changed image inside the containers list by merge key', () => {
    const modified = structuredClone(applied);
    modified.spec.containers[0]!.image = 'nginx:1.28';
    expect(threeWayMergePatch(applied, modified, live)).toEqual({ spec: { containers: [{ name: 'nginx', image: 'nginx:1.28' }] } });
  });

  it('deletes fields that were applied before and are gone now, but keeps fields others set', () => {
    const original = { metadata: { labels: { app: 'web', tier: 'front' } } };
    const modified = { metadata: { labels: { app: 'web' } } };
    const current = { metadata: { labels: { app: 'web', tier: 'front', 'set-by-someone-else': 'x' } } };
    expect(threeWayMergePatch(original, modified, current)).toEqual({ metadata: { labels: { tier: null } } });
  });

  it('removes a list element with $patch: delete', () => {
    const original = { spec: { containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }] } };
    const modified = { spec: { containers: [{ name: 'a', image: 'x' }] } };
    expect(threeWayMergePatch(original, modified, original)).toEqual({ spec: { containers: [{ name: 'b', $patch: 'delete' }] } });
  });

  it('replaces lists without a merge key', () => {
    const current = { spec: { containers: [{ name: 'a', args: ['1', '2'] }] } };
    const modified = { spec: { containers: [{ name: 'a', args: ['1'] }] } };
    expect(threeWayMergePatch(current, modified, current)).toEqual({ spec: { containers: [{ name: 'a', args: ['1'] }] } });
  });
});

describe('goJson (encoding/json of a map)', () => {
  it('sorts keys and escapes <, >, & like Go', () => {
    expect(goJson({ b: 1, a: ['<x>', true, null], c: { z: 'a&b', y: 1.5 } })).toBe('{"a":["\\u003cx\\u003e",true,null],"b":1,"c":{"y":1.5,"z":"a\\u0026b"}}');
  });
});

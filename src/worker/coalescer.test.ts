import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../protocol/types.ts';
import { Coalescer } from './coalescer.ts';

const pod = (name: string, rv: string, status?: unknown): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', resourceVersion: rv },
  spec: { containers: [{ name: 'web', image: 'nginx' }] },
  ...(status ? { status } : {}),
});

describe('Coalescer', () => {
  it('keeps only the last version of each object per frame', () => {
    const c = new Coalescer();
    c.record({ type: 'ADDED', resource: 'pods', object: pod('web-1', '1') });
    c.record({ type: 'MODIFIED', resource: 'pods', object: pod('web-1', '2') });
    c.record({ type: 'MODIFIED', resource: 'pods', object: pod('web-1', '3') });
    const { upserts, deletes } = c.take();
    expect(upserts).toHaveLength(1);
    expect(upserts[0].key).toBe('pods/default/web-1');
    expect(upserts[0].object.metadata.resourceVersion).toBe('3');
    expect(deletes).toEqual([]);
    expect(c.dirty).toBe(false);
    expect(c.take()).toEqual({ upserts: [], deletes: [] });
  });

  it('turns a change followed by a deletion into a deletion', () => {
    const c = new Coalescer();
    c.record({ type: 'MODIFIED', resource: 'pods', object: pod('web-1', '2') });
    c.record({ type: 'DELETED', resource: 'pods', object: pod('web-1', '3') });
    expect(c.take()).toEqual({ upserts: [], deletes: [{ key: 'pods/default/web-1', resource: 'pods' }] });
  });

  it('ignores resources the UI does not draw, keys cluster-scoped objects with an empty namespace', () => {
    const c = new Coalescer();
    c.record({ type: 'ADDED', resource: 'serviceaccounts', object: pod('lease', '1') });
    c.record({ type: 'ADDED', resource: 'nodes', object: { apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-1' } } });
    const { upserts } = c.take();
    expect(upserts.map((u) => u.key)).toEqual(['nodes//worker-1']);
  });

  it('attaches kubectl STATUS/READY columns to pods', () => {
    const c = new Coalescer();
    c.record({
      type: 'MODIFIED',
      resource: 'pods',
      object: pod('web-1', '5', {
        phase: 'Pending',
        containerStatuses: [{ name: 'web', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }],
      }),
    });
    expect(c.take().upserts[0].columns).toEqual({ status: 'ContainerCreating', ready: '0/1', restarts: 0 });
  });

  it('holds a change until the span recorded before it is released (the view follows the story)', () => {
    const c = new Coalescer();
    c.record({ type: 'ADDED', resource: 'pods', object: pod('a', '1') }, 3);
    c.record({ type: 'ADDED', resource: 'pods', object: pod('b', '1') }, 7);
    expect(c.take(5).upserts.map((u) => u.object.metadata.name)).toEqual(['a']);
    expect(c.ready(6)).toBe(false);
    expect(c.ready(7)).toBe(true);
    expect(c.take(7).upserts.map((u) => u.object.metadata.name)).toEqual(['b']);
    expect(c.dirty).toBe(false);
  });
});

describe('UI_RESOURCES', () => {
  it('includes Deployments and ReplicaSets under the names the API server change feed uses', () => {
    const c = new Coalescer();
    const obj = (name: string) => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name, namespace: 'default' } });
    c.record({ type: 'ADDED', resource: 'replicasets.apps', object: obj('web-7d4b9') });
    c.record({ type: 'ADDED', resource: 'deployments.apps', object: { ...obj('web'), kind: 'Deployment' } });
    expect(c.take().upserts.map((u) => u.key)).toEqual(['replicasets.apps/default/web-7d4b9', 'deployments.apps/default/web']);
  });
});

import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/testCluster.ts';
import type { Status } from './types.ts';
import { selectorString } from './subresources.ts';

const DEPLOYS = '/apis/apps/v1/namespaces/default/deployments';
const deployment = (replicas?: number) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    ...(replicas === undefined ? {} : { replicas }),
    selector: { matchLabels: { app: 'web', tier: 'fe' } },
    template: { metadata: { labels: { app: 'web', tier: 'fe' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } },
  },
});
const msg = (r: { body: unknown }) => (r.body as Status).message;

describe('scale subresource', () => {
  it('GET returns an autoscaling/v1 Scale', () => {
    const c = new TestCluster({ workers: 1 });
    const d = c.cluster.handle({ verb: 'POST', path: DEPLOYS, body: deployment(3) }).body as any;
    const r = c.get(`${DEPLOYS}/web/scale`);
    expect(r.code).toBe(200);
    expect(r.body).toEqual({
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      metadata: { name: 'web', namespace: 'default', uid: d.metadata.uid, resourceVersion: d.metadata.resourceVersion, creationTimestamp: d.metadata.creationTimestamp },
      spec: { replicas: 3 },
      status: { replicas: 0, selector: 'app=web,tier=fe' },
    });
  });

  it('PUT and PATCH change spec.replicas of the parent and bump its generation', () => {
    const c = new TestCluster({ workers: 1 });
    c.cluster.handle({ verb: 'POST', path: DEPLOYS, body: deployment() });
    const scale = c.get(`${DEPLOYS}/web/scale`).body as any;
    const put = c.cluster.handle({ verb: 'PUT', path: `${DEPLOYS}/web/scale`, body: { ...scale, spec: { replicas: 5 } } });
    expect(put.code).toBe(200);
    expect((put.body as any).spec).toEqual({ replicas: 5 });
    let d = c.get(`${DEPLOYS}/web`).body as any;
    expect(d.spec.replicas).toBe(5);
    expect(d.metadata.generation).toBe(2);
    const merge = c.cluster.handle({ verb: 'PATCH', path: `${DEPLOYS}/web/scale`, body: { spec: { replicas: 2 } }, patchType: 'application/merge-patch+json' });
    expect((merge.body as any).spec.replicas).toBe(2);
    const smp = c.cluster.handle({ verb: 'PATCH', path: `${DEPLOYS}/web/scale`, body: { spec: { replicas: 0 } }, patchType: 'application/strategic-merge-patch+json' });
    expect((smp.body as any).spec).toEqual({});
    d = c.get(`${DEPLOYS}/web`).body as any;
    expect(d.spec.replicas).toBe(0);
    expect(d.metadata.generation).toBe(4);
    // A stale resourceVersion conflicts, as on the parent.
    const stale = c.cluster.handle({ verb: 'PUT', path: `${DEPLOYS}/web/scale`, body: { ...scale, spec: { replicas: 1 } } });
    expect(stale.code).toBe(409);
  });

  it('rejects negative replicas as an invalid Scale', () => {
    const c = new TestCluster({ workers: 1 });
    c.cluster.handle({ verb: 'POST', path: DEPLOYS, body: deployment() });
    const r = c.cluster.handle({ verb: 'PATCH', path: `${DEPLOYS}/web/scale`, body: { spec: { replicas: -1 } }, patchType: 'application/merge-patch+json' });
    expect(r.code).toBe(422);
    expect(msg(r)).toBe('Scale.autoscaling "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
    expect((c.get(`${DEPLOYS}/web`).body as any).spec.replicas).toBe(1);
  });

  it('serves replicasets/scale and 404s a missing parent', () => {
    const c = new TestCluster({ workers: 1 });
    const rs = { ...deployment(2), kind: 'ReplicaSet' };
    c.cluster.handle({ verb: 'POST', path: '/apis/apps/v1/namespaces/default/replicasets', body: rs });
    expect((c.get('/apis/apps/v1/namespaces/default/replicasets/web/scale').body as any).spec.replicas).toBe(2);
    const r = c.get(`${DEPLOYS}/nope/scale`);
    expect(r.code).toBe(404);
    expect(msg(r)).toBe('deployments.apps "nope" not found');
  });

  it('renders selectors as labels.Selector.String()', () => {
    expect(selectorString({ matchLabels: { b: '2', a: '1' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'dev'] }, { key: 'x', operator: 'DoesNotExist' }] })).toBe(
      'a=1,b=2,env in (dev,prod),!x',
    );
  });
});

describe('pods/log subresource', () => {
  const PODS = '/api/v1/namespaces/default/pods';
  const setup = (containers = [{ name: 'web', image: 'nginx' }], nodeName: string | undefined = 'worker-1') => {
    const c = new TestCluster({ workers: 1 });
    const calls: unknown[][] = [];
    (c.cluster.server.deps as any).podLogs = (node: string, uid: string, container: string, previous: boolean) => {
      calls.push([node, uid, container, previous]);
      if (container === 'side') return { error: 'container "side" in pod "web" is waiting to start: ContainerCreating' };
      return {
        lines: [
          { time: '2026-01-01T00:00:01.000000001Z', text: 'one' },
          { time: '2026-01-01T00:00:20.5Z', text: 'two' },
          { time: '2026-01-01T00:00:29Z', text: 'three' },
        ],
      };
    };
    const pod = c.cluster.handle({ verb: 'POST', path: PODS, body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers, ...(nodeName ? { nodeName } : {}) } } }).body as any;
    c.runFor('30s');
    const log = (query: Record<string, string> = {}) => c.cluster.handle({ verb: 'GET', path: `${PODS}/web/log`, query });
    return { c, calls, pod, log };
  };

  it('returns the log text, defaulting the only container', () => {
    const { calls, pod, log } = setup();
    const r = log();
    expect(r).toMatchObject({ code: 200, body: 'one\ntwo\nthree\n' });
    expect(calls).toEqual([['worker-1', pod.metadata.uid, 'web', false]]);
    expect(log({ previous: 'true', container: 'web' }).code).toBe(200);
    expect(calls[1]).toEqual(['worker-1', pod.metadata.uid, 'web', true]);
  });

  it('honours tailLines, sinceSeconds and timestamps', () => {
    const { log } = setup();
    expect(log({ tailLines: '2' }).body).toBe('two\nthree\n');
    expect(log({ tailLines: '0' }).body).toBe('');
    expect(log({ sinceSeconds: '10' }).body).toBe('two\nthree\n');
    expect(log({ timestamps: 'true', tailLines: '1' }).body).toBe('2026-01-01T00:00:29Z three\n');
    expect(log({ limitBytes: '6' }).body).toBe('one\ntw');
  });

  it('answers with upstream BadRequest errors', () => {
    const { log } = setup([
      { name: 'web', image: 'nginx' },
      { name: 'side', image: 'busybox' },
    ]);
    const many = log();
    expect(many.code).toBe(400);
    expect((many.body as Status).reason).toBe('BadRequest');
    expect(msg(many)).toBe('a container name must be specified for pod web, choose one of: [web side]');
    expect(msg(log({ container: 'nope' }))).toBe('container nope is not valid for pod web');
    const waiting = log({ container: 'side' });
    expect(waiting.code).toBe(400);
    expect(msg(waiting)).toBe('container "side" in pod "web" is waiting to start: ContainerCreating');
  });

  it('gives an empty stream for a pod with no node yet (LogLocation has no location)', () => {
    const c = new TestCluster({ workers: 0 });
    c.cluster.handle({ verb: 'POST', path: PODS, body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } });
    expect(c.cluster.handle({ verb: 'GET', path: `${PODS}/web/log` })).toMatchObject({ code: 200, body: '' });
  });
});

/**
 * Property test (fast-check) for the EndpointSlice and Endpoints controllers on the real engine:
 * whatever pods come and go, turn ready or not, get relabelled, and however the Services'
 * selectors change, once the cluster is idle each Service's managed slices hold exactly its
 * eligible pods (not terminal, with an IP), once each, with podToEndpoint's conditions, at most
 * 100 per slice, one empty placeholder when there are none; its Endpoints agree.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/testCluster.ts';
import type { KubeObject } from '../types.ts';
import type { V1EndpointSlice } from './endpointslice/utils.ts';
import type { V1Endpoints } from './endpoint/endpointsController.ts';

type App = 'web' | 'api' | 'none';
type Op =
  | { op: 'create'; app: App; ready: boolean; stubborn: boolean; wait: number }
  | { op: 'delete'; pod: number; wait: number }
  | { op: 'relabel'; pod: number; to: App; wait: number }
  | { op: 'reselect'; svc: number; to: App; wait: number };

const app = fc.constantFrom<App>('web', 'api', 'none');
const wait = fc.integer({ min: 0, max: 3000 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('create' as const), app, ready: fc.boolean(), stubborn: fc.boolean(), wait }),
  fc.record({ op: fc.constant('delete' as const), pod: fc.nat(), wait }),
  fc.record({ op: fc.constant('relabel' as const), pod: fc.nat(), to: app, wait }),
  fc.record({ op: fc.constant('reselect' as const), svc: fc.integer({ min: 0, max: 1 }), to: app, wait }),
);
const SERVICES = ['front', 'back'] as const;
type Pod = KubeObject & { spec: { nodeName?: string }; status: { phase?: string; podIP?: string; conditions?: { type: string; status: string }[] } };

let podSeq = 0;
/** A stubborn pod's shell ignores SIGTERM: it stays terminating (with its IP) for the grace period. */
const podManifest = (a: App, ready: boolean, stubborn = false) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name: `p${podSeq++}`, labels: { app: a } },
  spec: {
    containers: [{
      name: 'c', ports: [{ name: 'http', containerPort: 8080 }],
      ...(stubborn ? { image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'] } : { image: 'nginx:1.27' }),
      ...(ready ? {} : { readinessProbe: { exec: { command: ['false'] } } }),
    }],
  },
});
const svcManifest = (name: string, sel: App, i: number) => ({
  apiVersion: 'v1', kind: 'Service', metadata: { name },
  spec: { clusterIP: `10.96.100.${10 + i}`, selector: { app: sel }, ports: [{ port: 80, targetPort: 'http' }] },
});

/** `proxy`: also ask kube-proxy (it may lag a minSyncPeriod behind, so only once idle). */
function check(c: TestCluster, proxy: boolean): void {
  const h = c.cluster;
  const pods = c.pods() as Pod[];
  const slices = (c.get('/apis/discovery.k8s.io/v1/namespaces/default/endpointslices').body as { items: V1EndpointSlice[] }).items;
  for (const name of SERVICES) {
    const svc = c.get(`/api/v1/namespaces/default/services/${name}`).body as KubeObject & { spec: { selector: { app: string } } };
    const eligible = pods.filter((p) => p.metadata.labels?.app === svc.spec.selector.app && p.status.podIP && !['Succeeded', 'Failed'].includes(p.status.phase ?? ''));
    const mine = slices.filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === name);
    for (const s of mine) {
      expect(s.metadata.labels?.['endpointslice.kubernetes.io/managed-by']).toBe('endpointslice-controller.k8s.io');
      expect((s.endpoints ?? []).length).toBeLessThanOrEqual(100);
    }
    const eps = mine.flatMap((s) => (s.endpoints ?? []).map((e) => ({ e, ports: s.ports })));
    if (eligible.length === 0) {
      expect(mine).toHaveLength(1);
      expect(mine[0].endpoints).toEqual([]);
    }
    expect(eps.map(({ e }) => e.targetRef?.uid).sort()).toEqual(eligible.map((p) => p.metadata.uid).sort());
    for (const { e, ports } of eps) {
      const p = eligible.find((x) => x.metadata.uid === e.targetRef?.uid)!;
      const serving = p.status.conditions?.some((x) => x.type === 'Ready' && x.status === 'True') ?? false;
      const terminating = !!p.metadata.deletionTimestamp;
      expect(e.addresses).toEqual([p.status.podIP]);
      expect(e.conditions).toEqual({ ready: serving && !terminating, serving, terminating });
      expect(e.nodeName).toBe(p.spec.nodeName);
      expect(ports).toEqual([{ name: '', port: 8080, protocol: 'TCP' }]);
    }
    // The legacy Endpoints: ready pods in addresses, the others (not terminating) in notReadyAddresses.
    const ep = c.get(`/api/v1/namespaces/default/endpoints/${name}`).body as V1Endpoints;
    const ready = eps.filter(({ e }) => e.conditions.ready).map(({ e }) => e.addresses[0]).sort();
    const notReady = eps.filter(({ e }) => !e.conditions.ready && !e.conditions.terminating).map(({ e }) => e.addresses[0]).sort();
    expect((ep.subsets ?? []).flatMap((s) => s.addresses ?? []).map((a) => a.ip).sort()).toEqual(ready);
    expect((ep.subsets ?? []).flatMap((s) => s.notReadyAddresses ?? []).map((a) => a.ip).sort()).toEqual(notReady);
    // kube-proxy routes only to ready endpoints.
    const route = h.proxy.route('default', name);
    if (proxy && ready.length) expect(route.ok && ready.includes(route.ip)).toBe(true);
  }
}

describe('EndpointSlice controller properties', () => {
  it('slices and Endpoints hold exactly the eligible selected pods with the right conditions', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(opArb, { maxLength: 10 }), (seed, ops) => {
        const c = new TestCluster({ seed, workers: 2 });
        const h = c.cluster;
        SERVICES.forEach((n, i) => expect(c.apply(svcManifest(n, i === 0 ? 'web' : 'api', i))[0].code).toBe(201));
        c.apply(podManifest('web', true));
        c.runFor('1s');
        for (const o of ops) {
          const live = c.pods().filter((p) => !p.metadata.deletionTimestamp).sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
          if (o.op === 'create') c.apply(podManifest(o.app, o.ready, o.stubborn));
          else if (o.op === 'reselect') {
            const r = h.handle({ verb: 'PATCH', path: `/api/v1/namespaces/default/services/${SERVICES[o.svc]}`, body: { spec: { selector: { app: o.to } } }, patchType: 'application/merge-patch+json' });
            expect(r.code).toBe(200);
          } else if (live.length) {
            const path = `/api/v1/namespaces/default/pods/${live[o.pod % live.length].metadata.name}`;
            if (o.op === 'delete') h.handle({ verb: 'DELETE', path });
            else h.handle({ verb: 'PATCH', path, body: { metadata: { labels: { app: o.to } } }, patchType: 'application/merge-patch+json' });
          }
          c.runFor(o.wait);
        }
        // Once pods, slices and Endpoints have been quiet for 300 ms (terminating pods still around), then idle.
        for (let i = 0; i < 40; i++) {
          const n = c.spans.length;
          c.runFor(300);
          if (!c.spans.slice(n).some((x) => (x.kind === 'etcdWrite' || x.kind === 'etcdDelete') && /^(Pod|EndpointSlice|Endpoints)\//.test(x.object ?? ''))) {
            check(c, false);
            break;
          }
        }
        h.runUntilIdle(10 * 60_000);
        check(c, true);
      }),
      { numRuns: Number(process.env.EPS_PROPERTY_RUNS ?? 20) },
    );
  }, 240_000);
});

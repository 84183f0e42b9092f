import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/testCluster.ts';
import type { Status } from './types.ts';

const POD = (name: string, extra: Record<string, unknown> = {}, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels: { app: 'web' }, ...extra },
  spec: { containers: [{ name: 'web', image: 'nginx:1.27' }], ...spec },
});
const PODS = '/api/v1/namespaces/default/pods';

function post(c: TestCluster, body: unknown, path = PODS) {
  return c.cluster.handle({ verb: 'POST', path, body });
}
const msg = (r: { body: unknown }) => (r.body as Status).message;

describe('API server: create, get, list', () => {
  it('creates a pod with defaults, admission and a Pending status', () => {
    const c = new TestCluster({ workers: 1 });
    const r = post(c, POD('web', {}, { containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }], resources: { limits: { cpu: '500m', memory: '128Mi' } } }] }));
    expect(r.code).toBe(201);
    const pod = r.body as any;
    expect(pod.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(pod.metadata.creationTimestamp).toBe('2026-01-01T00:00:00Z');
    expect(pod.metadata.generation).toBe(1);
    const ctr = pod.spec.containers[0];
    expect(ctr.imagePullPolicy).toBe('Always');
    expect(ctr.ports[0].protocol).toBe('TCP');
    expect(ctr.resources.requests).toEqual({ cpu: '500m', memory: '128Mi' });
    expect(ctr.terminationMessagePath).toBe('/dev/termination-log');
    expect(pod.spec).toMatchObject({
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
      schedulerName: 'default-scheduler',
      enableServiceLinks: true,
      serviceAccountName: 'default',
      serviceAccount: 'default',
      priority: 0,
      preemptionPolicy: 'PreemptLowerPriority',
    });
    expect(pod.spec.tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
    const vol = pod.spec.volumes[0];
    expect(vol.name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(vol.projected.sources[0]).toEqual({ serviceAccountToken: { expirationSeconds: 3607, path: 'token' } });
    expect(ctr.volumeMounts).toEqual([{ name: vol.name, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }]);
    expect(pod.status).toEqual({ phase: 'Pending', qosClass: 'Guaranteed' });
  });

  it('uses IfNotPresent for tagged images and Burstable/BestEffort QoS', () => {
    const c = new TestCluster({ workers: 1 });
    const a = post(c, POD('a')).body as any;
    const a2 = post(c, POD('a2')).body as any;
    expect(a2.spec.volumes[0].name).not.toBe(a.spec.volumes[0].name);
    expect(a.spec.containers[0].imagePullPolicy).toBe('IfNotPresent');
    expect(a.status.qosClass).toBe('BestEffort');
    const b = post(c, POD('b', {}, { containers: [{ name: 'x', image: 'nginx@sha256:abc', resources: { requests: { cpu: '100m' } } }] })).body as any;
    expect(b.spec.containers[0].imagePullPolicy).toBe('IfNotPresent');
    expect(b.status.qosClass).toBe('Burstable');
  });

  it('keeps one global, increasing resourceVersion', () => {
    const c = new TestCluster({ workers: 1 });
    const a = Number((post(c, POD('a')).body as any).metadata.resourceVersion);
    const b = Number((post(c, POD('b')).body as any).metadata.resourceVersion);
    expect(b).toBeGreaterThan(a);
    const list = c.get(PODS).body as any;
    expect(list.kind).toBe('PodList');
    expect(Number(list.metadata.resourceVersion)).toBeGreaterThanOrEqual(b);
    expect(list.items.map((p: any) => p.metadata.name)).toEqual(['a', 'b']);
  });

  it('generateName adds 5 characters from the Kubernetes alphabet', () => {
    const c = new TestCluster({ workers: 1 });
    const r = post(c, { apiVersion: 'v1', kind: 'Pod', metadata: { generateName: 'web-' }, spec: { containers: [{ name: 'web', image: 'nginx' }] } });
    expect((r.body as any).metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('returns upstream NotFound / AlreadyExists / unknown-resource errors', () => {
    const c = new TestCluster({ workers: 1 });
    expect(c.get(`${PODS}/x`)).toMatchObject({ code: 404, body: { reason: 'NotFound', message: 'pods "x" not found', details: { name: 'x', kind: 'pods' } } });
    post(c, POD('web'));
    const dup = post(c, POD('web'));
    expect(dup.code).toBe(409);
    expect(msg(dup)).toBe('pods "web" already exists');
    expect(c.get('/api/v1/widgets')).toMatchObject({ code: 404, body: { message: 'the server could not find the requested resource' } });
    const noNs = post(c, POD('web'), '/api/v1/namespaces/foo/pods');
    expect(noNs.code).toBe(404);
    expect(msg(noNs)).toBe('namespaces "foo" not found');
    expect(msg(post(c, POD('rv', { resourceVersion: '5' })))).toBe('resourceVersion should not be set on objects to be created');
    const mismatch = post(c, POD('z', { namespace: 'kube-system' }));
    expect(mismatch.code).toBe(400);
    expect(msg(mismatch)).toBe('the namespace of the provided object does not match the namespace sent on the request');
  });

  it('filters lists by label and field selectors', () => {
    const c = new TestCluster({ workers: 1 });
    post(c, POD('a'));
    post(c, POD('b', { labels: { app: 'db', tier: 'back' } }));
    post(c, POD('c', { labels: { app: 'cache', tier: 'back' } }));
    const names = (q: Record<string, string>) => ((c.cluster.handle({ verb: 'GET', path: '/api/v1/pods', query: q }).body as any).items as any[]).map((p) => p.metadata.name);
    expect(names({ labelSelector: 'app=web' })).toEqual(['a']);
    expect(names({ labelSelector: 'app!=web' })).toEqual(['b', 'c']);
    expect(names({ labelSelector: 'app in (db,cache),tier' })).toEqual(['b', 'c']);
    expect(names({ labelSelector: '!tier' })).toEqual(['a']);
    expect(names({ fieldSelector: 'metadata.name=b' })).toEqual(['b']);
    expect(names({ fieldSelector: 'spec.nodeName=' })).toEqual(['a', 'b', 'c']);
    const bad = c.cluster.handle({ verb: 'GET', path: '/api/v1/pods', query: { fieldSelector: 'spec.foo=x' } });
    expect(bad.code).toBe(400);
    expect(msg(bad)).toBe('field label not supported: spec.foo');
  });
});

describe('API server: validation', () => {
  const c = new TestCluster({ workers: 1 });
  const invalid = (body: unknown) => {
    const r = post(c, body);
    expect(r.code).toBe(422);
    return msg(r);
  };

  it('required fields', () => {
    expect(invalid({ apiVersion: 'v1', kind: 'Pod', metadata: {}, spec: { containers: [{ name: 'a', image: 'x' }] } })).toBe(
      'Pod "" is invalid: metadata.name: Required value: name or generateName is required',
    );
    expect(invalid({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [] } })).toBe('Pod "p" is invalid: spec.containers: Required value');
    expect(invalid({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'web' }] } })).toBe(
      'Pod "p" is invalid: spec.containers[0].image: Required value',
    );
  });

  it('names, duplicates, ports, enums', () => {
    expect(invalid(POD('Web'))).toMatch(/^Pod "Web" is invalid: metadata.name: Invalid value: "Web": a lowercase RFC 1123 subdomain must consist of/);
    const dup = post(c, POD('p', {}, { containers: [{ name: 'web', image: 'a' }, { name: 'web', image: 'b' }] }));
    expect(msg(dup)).toBe('Pod "p" is invalid: spec.containers[1].name: Duplicate value: "web"');
    expect((dup.body as Status).details?.causes).toEqual([{ reason: 'FieldValueDuplicate', message: 'Duplicate value: "web"', field: 'spec.containers[1].name' }]);
    expect(invalid(POD('p', {}, { containers: [{ name: 'web', image: 'a', ports: [{ containerPort: 70000 }] }] }))).toBe(
      'Pod "p" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    );
    expect(invalid(POD('p', {}, { restartPolicy: 'Sometimes' }))).toBe(
      'Pod "p" is invalid: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    );
    expect(invalid(POD('p', {}, { containers: [{ name: 'web', image: 'a', imagePullPolicy: 'Sometimes' }] }))).toBe(
      'Pod "p" is invalid: spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
    );
    expect(invalid(POD('p', {}, { containers: [{ name: 'web', image: 'a', ports: [{ containerPort: 80, protocol: 'XTP' }] }] }))).toBe(
      'Pod "p" is invalid: spec.containers[0].ports[0].protocol: Unsupported value: "XTP": supported values: "SCTP", "TCP", "UDP"',
    );
    expect(invalid(POD('p', {}, { containers: [{ name: 'Web_1', image: 'a' }, { name: '', image: '' }] }))).toMatch(
      /^Pod "p" is invalid: \[spec.containers\[0\].name: Invalid value: "Web_1": a lowercase RFC 1123 label must .*, spec.containers\[1\].name: Required value, spec.containers\[1\].image: Required value\]$/,
    );
  });

  it('labels and resources', () => {
    expect(invalid(POD('p', { labels: { app: 'bad value!' } }))).toMatch(/^Pod "p" is invalid: metadata.labels: Invalid value: "bad value!": a valid label must be an empty string/);
    expect(invalid(POD('p', {}, { containers: [{ name: 'a', image: 'a', resources: { requests: { cpu: '2' }, limits: { cpu: '1' } } }] }))).toBe(
      'Pod "p" is invalid: spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
    );
  });

  it('strict decoding: wrong types, unknown fields, bad quantities', () => {
    const r1 = post(c, { apiVersion: 'v1', kind: 'Pod', metadata: { name: true }, spec: { containers: [{ name: 'a', image: 'a' }] } });
    expect(r1.code).toBe(400);
    expect(msg(r1)).toBe('Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.name of type string');
    const r2 = post(c, POD('p', {}, { containers: [{ name: 'a', imagez: 'a' }] }));
    expect(msg(r2)).toBe('Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagez"');
    const r3 = post(c, POD('p', {}, { containers: [{ name: 'a', image: 'a', env: [{ name: 'PORT', value: 8080 }] }] }));
    expect(msg(r3)).toBe('Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field EnvVar.spec.containers.env.value of type string');
    const r4 = post(c, POD('p', {}, { containers: [{ name: 'a', image: 'a', resources: { limits: { cpu: 'lots' } } }] }));
    expect(msg(r4)).toBe(
      "Pod in version \"v1\" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    );
    const ignored = c.cluster.handle({ verb: 'POST', path: PODS, query: { fieldValidation: 'Ignore' }, body: POD('ign', { bogus: 1 }) });
    expect(ignored.code).toBe(201);
    expect((ignored.body as any).metadata.bogus).toBeUndefined();
  });
});

describe('API server: update, patch, status, binding, delete', () => {
  it('PUT checks resourceVersion and keeps status; /status keeps spec', () => {
    const c = new TestCluster({ workers: 1 });
    const pod = post(c, POD('web')).body as any;
    const stale = { ...pod, metadata: { ...pod.metadata, resourceVersion: '1' } };
    const conflict = c.cluster.handle({ verb: 'PUT', path: `${PODS}/web`, body: stale });
    expect(conflict.code).toBe(409);
    expect(msg(conflict)).toBe('Operation cannot be fulfilled on pods "web": the object has been modified; please apply your changes to the latest version and try again');
    const changed = structuredClone(pod);
    changed.spec.containers[0].image = 'nginx:1.28';
    changed.status = { phase: 'Running' };
    const ok = c.cluster.handle({ verb: 'PUT', path: `${PODS}/web`, body: changed });
    expect(ok.code).toBe(200);
    expect((ok.body as any).spec.containers[0].image).toBe('nginx:1.28');
    expect((ok.body as any).status.phase).toBe('Pending');
    expect((ok.body as any).metadata.generation).toBe(2);
    const st = structuredClone(ok.body as any);
    st.status.phase = 'Running';
    st.spec.containers[0].image = 'ignored';
    const s = c.cluster.handle({ verb: 'PUT', path: `${PODS}/web/status`, body: st });
    expect((s.body as any).status.phase).toBe('Running');
    expect((s.body as any).spec.containers[0].image).toBe('nginx:1.28');
  });

  it('forbids pod spec changes other than the updatable fields', () => {
    const c = new TestCluster({ workers: 1 });
    post(c, POD('web'));
    const r = c.cluster.handle({
      verb: 'PATCH',
      path: `${PODS}/web`,
      patchType: 'application/strategic-merge-patch+json',
      body: { spec: { containers: [{ name: 'web', ports: [{ containerPort: 80 }] }] } },
    });
    expect(r.code).toBe(422);
    expect(msg(r)).toMatch(
      /^Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`,`spec.initContainers\[\*\].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` \(only additions to existing tolerations\),`spec.terminationGracePeriodSeconds` \(allow it to be set to 1 if it was previously negative\)\n/,
    );
    const img = c.cluster.handle({ verb: 'PATCH', path: `${PODS}/web`, patchType: 'application/strategic-merge-patch+json', body: { spec: { containers: [{ name: 'web', image: 'nginx:2' }] } } });
    expect(img.code).toBe(200);
    expect((img.body as any).spec.containers).toHaveLength(1);
    const unknown = c.cluster.handle({ verb: 'PATCH', path: `${PODS}/web`, body: { spec: { containers: [{ name: 'web', imagez: 'x' }] }, $setElementOrder: [] } });
    expect(msg(unknown)).toBe('Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagez"');
    const merge = c.cluster.handle({ verb: 'PATCH', path: `${PODS}/web`, body: { metadata: { labels: { app: null, tier: 'front' } } } });
    expect((merge.body as any).metadata.labels).toEqual({ tier: 'front' });
  });

  it('binding sets nodeName and PodScheduled; a second bind conflicts', () => {
    const c = new TestCluster({ workers: 1 });
    post(c, { ...POD('web'), spec: { ...POD('web').spec, schedulerName: 'nobody' } });
    const bind = (node: string) => c.cluster.handle({ verb: 'POST', path: `${PODS}/web/binding`, body: { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'web' }, target: { apiVersion: 'v1', kind: 'Node', name: node } } });
    expect(bind('worker-1')).toMatchObject({ code: 201, body: { status: 'Success' } });
    const pod = c.pod('web') as any;
    expect(pod.spec.nodeName).toBe('worker-1');
    expect(pod.status.conditions).toEqual([{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-01-01T00:00:00Z' }]);
    const again = bind('worker-1');
    expect(again.code).toBe(409);
    expect(msg(again)).toBe('Operation cannot be fulfilled on pods/binding "web": pod web is already assigned to node "worker-1"');
  });

  it('deletes bound pods gracefully and unbound pods at once', () => {
    const c = new TestCluster({ workers: 1 });
    post(c, { ...POD('a'), spec: { ...POD('a').spec, nodeName: 'worker-1' } });
    post(c, { ...POD('b'), spec: { ...POD('b').spec, schedulerName: 'nobody' } });
    const del = c.cluster.handle({ verb: 'DELETE', path: `${PODS}/a` });
    expect(del.code).toBe(200);
    expect((del.body as any).metadata.deletionTimestamp).toBe('2026-01-01T00:00:30Z');
    expect((del.body as any).metadata.deletionGracePeriodSeconds).toBe(30);
    expect(c.pod('a')).toBeDefined();
    c.cluster.handle({ verb: 'DELETE', path: `${PODS}/a`, query: { gracePeriodSeconds: '0' } });
    expect(c.pod('a')).toBeUndefined();
    c.cluster.handle({ verb: 'DELETE', path: `${PODS}/b` });
    expect(c.pod('b')).toBeUndefined();
  });
});

describe('API server: watch', () => {
  it('delivers ADDED/MODIFIED/DELETED relative to selectors', () => {
    const c = new TestCluster({ workers: 1 });
    const seen: string[] = [];
    const stop = c.cluster.watch(PODS, { fieldSelector: 'spec.nodeName=worker-1' }, (e) => seen.push(`${e.type} ${(e.object as any).metadata.name}`));
    post(c, { ...POD('web'), spec: { ...POD('web').spec, schedulerName: 'nobody' } });
    c.cluster.handle({ verb: 'POST', path: `${PODS}/web/binding`, body: { target: { name: 'worker-1' } } });
    c.cluster.handle({ verb: 'PATCH', path: `${PODS}/web`, body: { metadata: { labels: { x: 'y' } } } });
    c.cluster.handle({ verb: 'DELETE', path: `${PODS}/web`, query: { gracePeriodSeconds: '0' } });
    stop();
    post(c, POD('other'));
    expect(seen).toEqual(['ADDED web', 'MODIFIED web', 'DELETED web']);
  });

  it('informers deliver on the virtual clock after 1–5 ms', () => {
    const c = new TestCluster({ workers: 1 });
    const ctx = c.cluster.context('controller-manager');
    const inf = ctx.informer('/api/v1/pods', { labelSelector: 'app=web' });
    const got: [string, number][] = [];
    inf.addEventHandler({ add: (o) => got.push([o.metadata.name, ctx.clock.now()]) });
    post(c, { ...POD('web'), spec: { ...POD('web').spec, schedulerName: 'nobody' } });
    expect(got).toEqual([]);
    c.runFor(10);
    expect(got).toHaveLength(1);
    expect(got[0][1]).toBeGreaterThanOrEqual(1);
    expect(got[0][1]).toBeLessThanOrEqual(5);
    expect(inf.get('default/web')?.metadata.name).toBe('web');
  });
});

describe('API server: namespaces and nodes', () => {
  it('validates and defaults namespaces, and terminates them', () => {
    const c = new TestCluster({ workers: 1 });
    const bad = post(c, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'Team_A' } }, '/api/v1/namespaces');
    expect(msg(bad)).toMatch(/^Namespace "Team_A" is invalid: metadata.name: Invalid value: "Team_A": a lowercase RFC 1123 label must consist/);
    const ok = post(c, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } }, '/api/v1/namespaces').body as any;
    expect(ok.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'team-a' });
    expect(ok.status).toEqual({ phase: 'Active' });
    post(c, { ...POD('x'), spec: { ...POD('x').spec, schedulerName: 'nobody' } }, '/api/v1/namespaces/team-a/pods');
    const del = c.cluster.handle({ verb: 'DELETE', path: '/api/v1/namespaces/team-a' });
    expect(del.code).toBe(200);
    expect(c.get('/api/v1/namespaces/team-a').code).toBe(404);
    const sys = c.cluster.handle({ verb: 'DELETE', path: '/api/v1/namespaces/default' });
    expect(sys.code).toBe(403);
    expect(msg(sys)).toBe('namespaces "default" is forbidden: this namespace may not be deleted');
  });

  it('defaults node allocatable from capacity', () => {
    const c = new TestCluster({ workers: 0 });
    const n = post(c, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'extra' }, status: { capacity: { cpu: '4', memory: '8Gi', pods: '110' } } }, '/api/v1/nodes').body as any;
    expect(n.status.allocatable).toEqual({ cpu: '4', memory: '8Gi', pods: '110' });
    expect(msg(post(c, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'Bad_Node' } }, '/api/v1/nodes'))).toMatch(/^Node "Bad_Node" is invalid: metadata.name: Invalid value/);
  });
});

describe('API server: ObjectMeta omitempty and admission names', () => {
  it('reads back without empty ownerReferences, finalizers, labels or annotations', () => {
    const c = new TestCluster({ workers: 1 });
    post(c, POD('web', { ownerReferences: [], finalizers: [], labels: {}, annotations: {} }));
    const pod = c.cluster.handle({ verb: 'GET', path: `${PODS}/web` }).body as any;
    for (const k of ['ownerReferences', 'finalizers', 'labels', 'annotations']) expect(pod.metadata).not.toHaveProperty(k);
  });

  it('names a generateName pod by its prefix when admission forbids it', () => {
    const c = new TestCluster({ workers: 1 });
    const r = post(c, { ...POD(''), metadata: { generateName: 'web-' }, spec: { priorityClassName: 'gold', containers: [{ name: 'web', image: 'nginx' }] } });
    expect(r.code).toBe(403);
    expect(msg(r)).toBe('pods "web-" is forbidden: no PriorityClass with name gold was found');
  });
});

describe('strategic merge patch of a Node', () => {
  it('replaces spec.taints (NodeSpec.taints has no patch strategy)', () => {
    const c = new TestCluster({ workers: 1 });
    const patch = (taints: unknown[]) =>
      c.cluster.handle({ verb: 'PATCH', path: '/api/v1/nodes/worker-1', patchType: 'application/strategic-merge-patch+json', body: { spec: { taints } } });
    patch([{ key: 'a', value: '1', effect: 'NoSchedule' }, { key: 'a', effect: 'NoExecute' }]);
    const r = patch([{ key: 'b', effect: 'PreferNoSchedule' }]);
    expect(r.code).toBe(200);
    expect((r.body as { spec: { taints: unknown[] } }).spec.taints).toEqual([{ key: 'b', effect: 'PreferNoSchedule' }]);
  });
});

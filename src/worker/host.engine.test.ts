/** The host driving the real engine and kubectl: busy mode with many pods, snapshot restore. */
import { describe, expect, it } from 'vitest';
import { createCluster, restoreCluster } from '../engine/index.ts';
import { kubectl } from '../kubectl/index.ts';
import type { Cluster, ClusterSnapshot } from '../engine/types.ts';
import type { DeltaMessage, FromWorker, ResultMessage, SnapshotMessage } from '../protocol/messages.ts';
import { createHost } from './host.ts';
import { runTerminalLine } from './simLine.ts';

function podsYaml(n: number): string {
  const docs: string[] = [];
  for (let i = 0; i < n; i++) {
    docs.push(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: p-${i}\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n    resources:\n      requests:\n        cpu: 10m\n`);
  }
  return docs.join('---\n');
}

function setup() {
  const sent: FromWorker[] = [];
  let wall = 0;
  const host = createHost({ createCluster, restoreCluster, kubectl, runLine: runTerminalLine, post: (m) => sent.push(m), wallNow: () => wall });
  const frames = (n: number) => {
    for (let i = 0; i < n; i++) {
      wall += 16;
      host.frame();
    }
  };
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { host, sent, frames, settle };
}

function podStatuses(sent: FromWorker[]): Map<string, string> {
  const pods = new Map<string, string>();
  for (const m of sent) {
    if (m.type !== 'delta') continue;
    if (m.reset) pods.clear();
    for (const u of m.upserts) if (u.resource === 'pods') pods.set(u.key, u.columns!.status);
    for (const d of m.deletes) pods.delete(d.key);
  }
  return pods;
}

describe('worker host on the real engine', () => {
  it('100 pods: busy mode kicks in, every pod ends Running, at most one message per frame', async () => {
    const t = setup();
    t.host.handle({ type: 'init', seed: 7, workers: 3, speed: 8 });
    t.host.handle({ type: 'apply', id: 1, text: podsYaml(100), file: 'manifest.yaml' });
    await t.settle();
    const result = t.sent.find((m): m is ResultMessage => m.type === 'result')!;
    expect(result.result.exitCode).toBe(0);
    expect(result.result.stdout.split('\n').filter(Boolean)).toHaveLength(100);
    const before = t.sent.filter((m) => m.type === 'delta').length;
    t.frames(1000); // 16 s of wall time at 8×
    const deltas = t.sent.filter((m): m is DeltaMessage => m.type === 'delta');
    expect(deltas.length - before).toBeLessThanOrEqual(1000);
    expect(deltas.some((d) => d.busy)).toBe(true);
    const statuses = podStatuses(t.sent);
    expect(statuses.size).toBe(100);
    expect(new Set(statuses.values())).toEqual(new Set(['Running']));
  });

  it('a snapshot restores the same pods (crash recovery)', async () => {
    const t = setup();
    t.host.handle({ type: 'init', seed: 3, workers: 2, speed: 8 });
    t.host.handle({ type: 'apply', id: 1, text: podsYaml(2), file: 'manifest.yaml' });
    await t.settle();
    t.frames(300); // mid-story: some pods not Running yet
    t.host.handle({ type: 'pause' }); // every input posts a snapshot
    const snap = t.sent.filter((m): m is SnapshotMessage => m.type === 'snapshot').at(-1)!.snapshot as ClusterSnapshot;
    const before = podStatuses(t.sent);
    expect(before.size).toBe(2);

    const r = setup();
    r.host.handle({ type: 'init', seed: 0, workers: 0, snapshot: snap });
    const ready = r.sent.find((m) => m.type === 'ready');
    expect(ready).toMatchObject({ seed: 3, workers: 2 });
    expect(podStatuses(r.sent)).toEqual(before);
  });

  it('terminal: sim and unknown commands answer with text, never throw', async () => {
    const t = setup();
    t.host.handle({ type: 'init', seed: 1, workers: 1 });
    t.host.handle({ type: 'terminal', id: 1, line: 'sim node add worker-9' });
    t.host.handle({ type: 'terminal', id: 2, line: 'rm -rf /' });
    t.host.handle({ type: 'terminal', id: 3, line: 'kubectl get pods "unterminated' });
    await t.settle();
    const results = t.sent.filter((m): m is ResultMessage => m.type === 'result').sort((a, b) => a.id - b.id);
    expect(results).toHaveLength(3);
    expect(results[0].result.exitCode).toBe(0);
    expect(results[1].result.exitCode).not.toBe(0);
    expect(results[2].result.exitCode).not.toBe(0);
    expect(t.sent.some((m) => m.type === 'fatal')).toBe(false);
  });

  it('a command\'s result lists the REST requests it became (kubectl → kube-apiserver hops), with codes', async () => {
    const t = setup();
    t.host.handle({ type: 'init', seed: 7, workers: 3 });
    t.host.handle({ type: 'apply', id: 1, text: podsYaml(1), file: 'manifest.yaml' });
    await t.settle();
    t.host.handle({ type: 'terminal', id: 2, line: 'kubectl get pod nope' });
    await t.settle();
    t.host.handle({ type: 'terminal', id: 3, line: 'sim node add worker-9' });
    await t.settle();
    const results = new Map(t.sent.filter((m): m is ResultMessage => m.type === 'result').map((m) => [m.id, m.result]));
    // apply: GET the live object (404: it does not exist yet), then POST it.
    expect(results.get(1)!.requests!.map((r) => `${r.method} ${r.path} ${r.code}`)).toEqual([
      'GET /api/v1/namespaces/default/pods/p-0 404',
      'POST /api/v1/namespaces/default/pods?fieldManager=kubectl-client-side-apply&fieldValidation=Strict 201',
    ]);
    expect(results.get(2)!.requests!.map((r) => `${r.method} ${r.path} ${r.code}`)).toEqual(['GET /api/v1/namespaces/default/pods/nope 404']);
    expect(results.get(2)!.requests![0]!.spanId).toBeGreaterThan(results.get(1)!.requests![1]!.spanId);
    expect(results.get(3)!.requests).toBeUndefined(); // sim actions are not kubectl requests
  });

  it('a Deployment streams its ReplicaSet and owned pods; a UI action line (kubectl delete pod) is answered and the pod replaced', async () => {
    const t = setup();
    t.host.handle({ type: 'init', seed: 7, workers: 3, speed: 8 });
    const yaml = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.27\n';
    t.host.handle({ type: 'apply', id: 1, text: yaml, file: 'manifest.yaml' });
    await t.settle();
    t.frames(4000);
    const objects = new Map<string, { resource: string; object: { metadata: { name: string; ownerReferences?: { kind: string; name: string }[] } } }>();
    const collect = () => {
      for (const m of t.sent) {
        if (m.type !== 'delta') continue;
        if (m.reset) objects.clear();
        for (const u of m.upserts) objects.set(u.key, u as never);
        for (const d of m.deletes) objects.delete(d.key);
      }
    };
    collect();
    const rs = [...objects.values()].filter((o) => o.resource === 'replicasets.apps');
    expect(objects.has('deployments.apps/default/web')).toBe(true);
    expect(rs).toHaveLength(1);
    const rsName = rs[0]!.object.metadata.name;
    expect(rsName).toMatch(/^web-[a-z0-9]+$/);
    const pods = () => [...podStatuses(t.sent)].filter(([, s]) => s === 'Running').map(([k]) => k);
    expect(pods()).toHaveLength(2);
    for (const k of pods()) expect(objects.get(k)!.object.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', name: rsName });
    const victim = pods()[0]!.split('/')[2]!;
    t.host.handle({ type: 'terminal', id: 2, line: `kubectl delete pod ${victim}` });
    for (let i = 0; i < 200 && !t.sent.some((m) => m.type === 'result' && m.id === 2); i++) {
      t.frames(50);
      await t.settle();
    }
    const answer = t.sent.find((m): m is ResultMessage => m.type === 'result' && m.id === 2)!;
    expect(answer.result.stdout).toContain(`pod "${victim}" deleted`);
    t.frames(3000);
    const after = pods();
    expect(after).toHaveLength(2);
    expect(after.some((k) => k.endsWith(`/${victim}`))).toBe(false);
  });

  it('Ctrl+C on a blocked rollout status: partial output and exit 130, the next command runs, and the snapshot still restores to the same future', async () => {
    const sent: FromWorker[] = [];
    let wall = 0;
    let cluster!: Cluster;
    const host = createHost({ createCluster: (o) => (cluster = createCluster(o)), restoreCluster, kubectl, runLine: runTerminalLine, post: (m) => sent.push(m), wallNow: () => wall });
    const frames = (n: number) => {
      for (let i = 0; i < n; i++) {
        wall += 16;
        host.frame();
      }
    };
    const settle = () => new Promise((r) => setTimeout(r, 0));
    const result = (id: number) => sent.find((m): m is ResultMessage => m.type === 'result' && m.id === id)?.result;
    host.handle({ type: 'init', seed: 7, workers: 3, speed: 8 });
    const yaml = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.27\n';
    host.handle({ type: 'apply', id: 1, text: yaml, file: 'manifest.yaml' });
    await settle();
    host.handle({ type: 'terminal', id: 2, line: 'kubectl rollout status deployment/web' });
    await settle();
    frames(60); // until the ReplicaSet has created the pods
    host.handle({ type: 'terminal', id: 3, line: 'kubectl get pods -w' });
    await settle();
    frames(120); // the watch sees the pods appear; the rollout is still far from done
    host.handle({ type: 'pause' }); // even paused (no virtual time passes), Ctrl+C answers at once
    await settle();
    expect(result(2)).toBeUndefined();
    const at = cluster.now();
    host.handle({ type: 'cancel', id: 2 });
    host.handle({ type: 'cancel', id: 3 });
    await settle();
    const r = result(2)!;
    expect(r.exitCode).toBe(130);
    expect(r.interrupted).toBe(true);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Waiting for deployment/);
    expect(r.stdout).not.toContain('successfully rolled out');
    expect(r.requests?.map((c) => c.path)).toContain('/apis/apps/v1/namespaces/default/deployments?fieldSelector=metadata.name%3Dweb');
    expect(result(3)).toMatchObject({ exitCode: 130, stderr: '' });
    expect(result(3)!.stdout).toMatch(/^NAME\s+READY\s+STATUS/);
    expect(cluster.now()).toBe(at);
    host.handle({ type: 'terminal', id: 4, line: 'kubectl get deployments' });
    await settle();
    expect(result(4)).toMatchObject({ exitCode: 0 });
    expect(result(4)!.stdout).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nweb\s/);

    // The interrupted client left no trace in the cluster's future: restore-then-continue equals continuing.
    const snap = sent.filter((m): m is SnapshotMessage => m.type === 'snapshot').at(-1)!.snapshot as ClusterSnapshot;
    const restored = restoreCluster(snap);
    expect(restored.now()).toBe(cluster.now());
    const pods = (c: Cluster) => JSON.stringify(c.handle({ verb: 'GET', path: '/api/v1/pods', quiet: true } as never).body);
    expect(pods(restored)).toBe(pods(cluster));
    cluster.runFor(60_000);
    restored.runFor(60_000);
    expect(pods(restored)).toBe(pods(cluster));
    expect(pods(cluster)).toContain('"phase":"Running"');
  });
});

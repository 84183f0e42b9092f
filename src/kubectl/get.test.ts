import { describe, expect, it } from 'vitest';
import { harness } from './testing.ts';

const POD = (name: string, image = 'nginx:1.27') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: app
    image: ${image}
`;

async function withPod(name = 'web', image?: string) {
  const h = harness();
  h.files['p.yaml'] = POD(name, image);
  expect((await h.k('apply -f p.yaml')).exitCode).toBe(0);
  return h;
}

describe('kubectl get', () => {
  it('says No resources found on stderr for an empty list', async () => {
    const h = harness();
    expect(await h.k('get pods')).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
    expect((await h.k('get pods -n kube-public')).stderr).toBe('No resources found in kube-public namespace.\n');
    expect((await h.k('get pods -A')).stderr).toBe('No resources found\n');
  });

  it('prints the pods table with upstream columns and the tabwriter layout', async () => {
    const h = await withPod();
    await h.k('wait --for=condition=Ready pod/web --timeout=60s');
    const r = await h.k('get po');
    expect(r.stdout).toMatch(/^NAME {3}READY {3}STATUS {4}RESTARTS {3}AGE\nweb {4}1\/1 {5}Running {3}0 {10}\d+s\n$/);
    const wide = await h.k('get pods -o wide');
    expect(wide.stdout.split('\n')[0]).toBe('NAME   READY   STATUS    RESTARTS   AGE   IP           NODE       NOMINATED NODE   READINESS GATES');
    const all = await h.k('get pods -A');
    expect(all.stdout.split('\n')[0]).toMatch(/^NAMESPACE {3}NAME {3}READY/);
  });

  it('prints NotFound for a missing name and an error for an unknown type', async () => {
    const h = harness();
    expect(await h.k('get pod nope')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 });
    expect(await h.k('get pdos')).toEqual({ stdout: '', stderr: 'error: the server doesn\'t have a resource type "pdos"\n', exitCode: 1 });
  });

  it('-o json gives the object, or a v1 List whose items carry apiVersion and kind', async () => {
    const h = await withPod();
    const one = JSON.parse((await h.k('get pod web -o json')).stdout) as { kind: string; metadata: { name: string } };
    expect(one.kind).toBe('Pod');
    const list = JSON.parse((await h.k('get pods -o json')).stdout) as { apiVersion: string; kind: string; items: { apiVersion: string; kind: string }[]; metadata: unknown };
    expect(list).toMatchObject({ apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' } });
    expect(list.items[0]).toMatchObject({ apiVersion: 'v1', kind: 'Pod' });
    expect((await h.k('get pods -o json')).stdout.split('\n')[1]).toBe('    "apiVersion": "v1",');
    expect((await h.k('get pods -o name')).stdout).toBe('pod/web\n');
    const yaml = (await h.k('get pod web -o yaml')).stdout;
    expect(yaml.startsWith('apiVersion: v1\nkind: Pod\nmetadata:\n')).toBe(true);
    expect(yaml).toContain('  containers:\n  - image: nginx:1.27\n');
  });

  it('-o json of events lists v1 Events in the order they happened', async () => {
    const h = await withPod();
    await h.k('wait --for=condition=Ready pod/web --timeout=60s');
    const list = JSON.parse((await h.k('get events -o json')).stdout) as { items: { reason: string; kind: string; apiVersion: string }[] };
    expect(list.items.map((e) => e.reason)).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
    expect(list.items[0]).toMatchObject({ apiVersion: 'v1', kind: 'Event' });
    const table = (await h.k('get events')).stdout.split('\n');
    expect(table[0]).toBe('LAST SEEN   TYPE     REASON      OBJECT    MESSAGE');
  });

  it('several types print one table each, names prefixed with their kind', async () => {
    const h = await withPod();
    const out = (await h.k('get pods,nodes')).stdout.split('\n');
    expect(out[0]).toBe('NAME      READY   STATUS    RESTARTS   AGE');
    expect(out[1]).toMatch(/^pod\/web {3}0\/1/);
    expect(out[2]).toBe('');
    expect(out[3]).toMatch(/^NAME {17}STATUS/);
    expect(out[4]).toMatch(/^node\/control-plane {3}Ready/);
    expect((await h.k('get pod/web')).stdout).toMatch(/^NAME {3}READY[^\n]*\nweb {4}/);
    expect((await h.k('get po,ns -o name')).stdout).toBe('pod/web\nnamespace/default\nnamespace/kube-node-lease\nnamespace/kube-public\nnamespace/kube-system\n');
  });

  it('get nodes shows STATUS, ROLES and VERSION', async () => {
    const h = harness();
    const lines = (await h.k('get nodes')).stdout.split('\n');
    expect(lines[0]).toBe('NAME            STATUS   ROLES           AGE   VERSION');
    expect(lines[1]).toMatch(/^control-plane {3}Ready {4}control-plane {3}\d+s +v1\.34\.\d+$/);
    expect(lines[2]).toMatch(/^worker-1 {8}Ready {4}<none>/);
  });
});

describe('kubectl wait / delete / describe', () => {
  it('wait returns at the moment the pod is Ready; times out with kubectl\'s message', async () => {
    const h = await withPod();
    const before = h.cluster.now();
    expect(await h.k('wait --for=condition=Ready pod/web --timeout=60s')).toEqual({ stdout: 'pod/web condition met\n', stderr: '', exitCode: 0 });
    expect(h.cluster.now() - before).toBeLessThan(60_000);
    const h2 = await withPod('stuck', 'registry.invalid/nope:1');
    const t0 = h2.cluster.now();
    expect(await h2.k('wait --for=condition=Ready pod/stuck --timeout=5s')).toEqual({ stdout: '', stderr: 'error: timed out waiting for the condition on pods/stuck\n', exitCode: 1 });
    expect(h2.cluster.now() - t0).toBe(5000);
    expect((await h2.k('wait --for=condition=Ready pod/ghost')).stderr).toBe('Error from server (NotFound): pods "ghost" not found\n');
  });

  it('delete prints the v1.34 message and waits until the pod is gone', async () => {
    const h = await withPod();
    await h.k('wait --for=condition=Ready pod/web --timeout=60s');
    expect(await h.k('delete pod web')).toEqual({ stdout: 'pod "web" deleted from default namespace\n', stderr: '', exitCode: 0 });
    expect(h.cluster.handle({ verb: 'GET', path: '/api/v1/namespaces/default/pods/web' }).code).toBe(404);
    expect(await h.k('delete pod web')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "web" not found\n', exitCode: 1 });
  });

  it('wait and delete take --all and -l', async () => {
    const h = await withPod('a');
    h.files['b.yaml'] = POD('b');
    await h.k('apply -f b.yaml');
    expect((await h.k('wait --for=condition=Ready pod --all --timeout=60s')).stdout).toBe('pod/a condition met\npod/b condition met\n');
    expect((await h.k('wait --for=condition=Ready pod -l app=none')).stderr).toBe('error: no matching resources found\n');
    expect((await h.k('delete pods --all')).stdout).toBe('pod "a" deleted from default namespace\npod "b" deleted from default namespace\n');
    expect(await h.k('delete pods --all')).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
  });

  it('delete -f deletes what the file names, with the source in errors', async () => {
    const h = await withPod();
    expect((await h.k('delete -f p.yaml')).stdout).toBe('pod "web" deleted from default namespace\n');
    expect((await h.k('delete -f p.yaml')).stderr).toBe('Error from server (NotFound): error when deleting "p.yaml": pods "web" not found\n');
  });

  it('describe pod prints the sections in upstream order', async () => {
    const h = await withPod();
    await h.k('wait --for=condition=Ready pod/web --timeout=60s');
    const out = (await h.k('describe pod web')).stdout;
    const order = ['Name:', 'Namespace:', 'Priority:', 'Service Account:', 'Node:', 'Start Time:', 'Labels:', 'Annotations:', 'Status:', 'IP:', 'IPs:', 'Containers:', 'Conditions:', 'Volumes:', 'QoS Class:', 'Node-Selectors:', 'Tolerations:', 'Events:'];
    const idx = order.map((s) => out.search(new RegExp(`^${s}`, 'm')));
    expect(idx.every((i) => i >= 0)).toBe(true);
    expect([...idx].sort((a, b) => a - b)).toEqual(idx);
    expect(out).toMatch(/^Name:\s+web\n/);
    expect(out).toMatch(/^Status:\s+Running$/m);
    expect(out).toMatch(/^ {2}Type {4}Reason {5}Age {3}From {15}Message$/m);
    expect(out).toContain('Annotations:      <none>');
  });
});

describe('kubectl get -w', () => {
  it('keeps the column widths across events (RememberWidths)', async () => {
    const h = harness();
    h.files['p.yaml'] = POD('web');
    await h.k('apply -f p.yaml');
    const r = await h.k('get pods -w --timeout=5s');
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines[0]).toBe('NAME   READY   STATUS    RESTARTS   AGE');
    expect(lines[1]).toBe('web    0/1     Pending   0          0s');
    expect(lines).toContain('web    0/1     ContainerCreating   0          0s');
    expect(lines[lines.length - 1]).toMatch(/^web {4}1\/1 {5}Running {13}0 {10}\ds$/);
    expect(r.stderr).toBe('');
  });

  it('prints nothing for an empty list with no events', async () => {
    const h = harness();
    const r = await h.k('get deploy -w --timeout=1s');
    expect(r).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });
});

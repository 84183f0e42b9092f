import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { byLogging } from './logs.ts';
import { harness, withDeployment } from './testing.ts';

const TWO = `apiVersion: v1
kind: Pod
metadata:
  name: two
spec:
  containers:
  - name: web
    image: nginx:1.27
  - name: side
    image: busybox:1.36
    command: ["sh", "-c", "echo hello from side; sleep 3600"]
`;

async function twoContainers() {
  const h = harness();
  h.files['p.yaml'] = TWO;
  await h.k('apply -f p.yaml');
  await h.k('wait --for=condition=Ready pod/two --timeout=60s');
  return h;
}

describe('kubectl logs', () => {
  it('defaults to the first container, saying so on stderr, and passes -c/--tail/--timestamps to the API', async () => {
    const h = await twoContainers();
    const seen: string[] = [];
    const request = h.io.request;
    h.io.request = (req) => (req.path.endsWith('/log') && seen.push(`${req.path} ${JSON.stringify(req.query)}`), request(req));
    const r = await h.k('logs two --tail 1');
    expect(r.stderr).toBe('Defaulted container "web" out of: web, side\n');
    expect(r.stdout.split('\n')).toHaveLength(2);
    expect(await h.k('logs two side')).toEqual({ stdout: 'hello from side\n', stderr: '', exitCode: 0 });
    expect((await h.k('logs two -c side --timestamps')).stdout).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z hello from side\n$/);
    expect(seen).toEqual([
      '/api/v1/namespaces/default/pods/two/log {"container":"web","tailLines":"1"}',
      '/api/v1/namespaces/default/pods/two/log {"container":"side"}',
      '/api/v1/namespaces/default/pods/two/log {"container":"side","timestamps":"true"}',
    ]);
  });

  it('prints the API and client errors as kubectl does', async () => {
    const h = await twoContainers();
    expect(await h.k('logs two -c nope')).toEqual({ stdout: '', stderr: 'error: container nope is not valid for pod two out of: web, side\n', exitCode: 1 });
    expect(await h.k('logs two -c side -p')).toEqual({ stdout: '', stderr: 'Error from server (BadRequest): previous terminated container "side" in pod "two" not found\n', exitCode: 1 });
    expect(await h.k('logs nope')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 });
    expect((await h.k('logs')).stderr).toBe("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n");
    expect((await h.k('logs two side -c web')).stderr).toBe("error: only one of -c or an inline [CONTAINER] arg is allowed\nSee 'kubectl logs -h' for help and examples\n");
  });

  it('picks one pod of a Deployment and says which', async () => {
    const h = await withDeployment();
    const r = await h.k('logs deploy/web --tail=1');
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toMatch(/^Found 3 pods, using pod\/web-[a-z0-9]+-[a-z0-9]{5}\n$/);
    expect(r.stdout).toMatch(/^.+\n$/);
  });

  it('ByLogging: assigned, Running, ready longer, more restarts, older first', () => {
    const pod = (name: string, o: { node?: string; phase?: string; ready?: string; restarts?: number; created?: string }): Pod => ({
      metadata: { name, creationTimestamp: o.created ?? '2026-01-01T00:00:00Z' },
      spec: { containers: [], nodeName: o.node },
      status: {
        phase: o.phase ?? 'Running',
        conditions: o.ready ? [{ type: 'Ready', status: 'True', lastTransitionTime: o.ready }] : [],
        containerStatuses: [{ name: 'c', image: 'x', imageID: '', ready: !!o.ready, restartCount: o.restarts ?? 0 }],
      },
    });
    const pods = [
      pod('unassigned', { phase: 'Pending' }),
      pod('pending', { node: 'n', phase: 'Pending' }),
      pod('notready', { node: 'n' }),
      pod('ready-late', { node: 'n', ready: '2026-01-01T00:05:00Z' }),
      pod('ready-early', { node: 'n', ready: '2026-01-01T00:01:00Z' }),
      pod('restarts', { node: 'n', restarts: 2 }),
    ];
    expect([...pods].sort(byLogging).map((p) => p.metadata!.name)).toEqual(['ready-early', 'ready-late', 'restarts', 'notready', 'pending', 'unassigned']);
  });
});

describe('kubectl logs -f', () => {
  it('takes -f as --follow, not --filename, and prints the logs so far', async () => {
    const h = await twoContainers();
    expect(await h.k('logs -f two side')).toEqual({ stdout: 'hello from side\n', stderr: '', exitCode: 0 });
    expect(await h.k('logs two -c side -f')).toEqual({ stdout: 'hello from side\n', stderr: '', exitCode: 0 });
  });
});

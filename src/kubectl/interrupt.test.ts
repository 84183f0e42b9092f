/**
 * Ctrl+C: a blocking command whose `io.signal` is raised stops waiting at once, keeps what it
 * printed, adds no timeout error and exits 130. Only the client stops; the cluster runs on.
 */
import { describe, expect, it } from 'vitest';
import type { KubectlIO } from './types.ts';
import { kubectl } from './index.ts';
import { deploymentYaml, harness, withDeployment, type KubectlHarness } from './testing.ts';

/** An IO whose user presses Ctrl+C once `afterMs` of virtual time have passed. */
function interruptAfter(h: KubectlHarness, afterMs: number): { io: KubectlIO; started: number } {
  const ac = new AbortController();
  const started = h.cluster.now();
  const at = started + afterMs;
  const io: KubectlIO = {
    ...h.io,
    signal: ac.signal,
    sleep: async (ms) => {
      h.cluster.runFor(Math.min(ms, Math.max(0, at - h.cluster.now())));
      if (h.cluster.now() >= at) ac.abort();
    },
    sleepUntil: async (ms, done) => {
      await h.io.sleepUntil!(Math.min(ms, Math.max(0, at - h.cluster.now())), done);
      if (!done() && h.cluster.now() >= at) ac.abort();
    },
  };
  return { io, started };
}

const run = (line: string, io: KubectlIO) => kubectl(line.split(' '), io);

describe('kubectl interrupted by Ctrl+C', () => {
  it('rollout status (no --timeout, i.e. 1 h here) stops at the interrupt with its partial output and exit 130', async () => {
    const h = harness();
    h.files['d.yaml'] = deploymentYaml();
    await h.k('apply -f d.yaml');
    const { io, started } = interruptAfter(h, 2_000);
    const r = await run('rollout status deployment/web', io);
    expect(r.exitCode).toBe(130);
    expect(r.stderr).toBe('');
    expect(r.stdout.startsWith('Waiting for deployment spec update to be observed...\n')).toBe(true);
    expect(r.stdout).toContain('Waiting for deployment "web" rollout to finish: 0 of 3 updated replicas are available...\n');
    expect(r.stdout).not.toContain('successfully rolled out');
    expect(h.cluster.now() - started).toBe(2_000);
    // The cluster went on without the client: the rollout still completes.
    expect(await h.k('rollout status deployment/web --timeout=2m')).toMatchObject({ exitCode: 0, stdout: expect.stringContaining('deployment "web" successfully rolled out\n') as unknown });
  });

  it('get -w stops at the interrupt with the rows it printed', async () => {
    const h = await withDeployment({ replicas: 2 });
    const { io, started } = interruptAfter(h, 3_000);
    const r = await run('get pods -w --timeout=10m', io);
    expect(r.exitCode).toBe(130);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    expect(lines.slice(1)).toHaveLength(2);
    for (const l of lines.slice(1)) expect(l).toMatch(/^web-\S+\s+1\/1\s+Running\s+0\s+\S+$/);
    expect(h.cluster.now() - started).toBe(3_000);
  });

  it('wait --for=condition=Ready stops without "timed out", exit 130', async () => {
    const h = harness();
    h.files['d.yaml'] = deploymentYaml({ replicas: 1, image: 'nginx:does-not-exist' });
    await h.k('apply -f d.yaml');
    h.cluster.runFor(5_000);
    const pod = (await h.k('get pods -o name')).stdout.trim();
    const { io, started } = interruptAfter(h, 1_500);
    const r = await run(`wait --for=condition=Ready ${pod} --timeout=5m`, io);
    expect(r).toEqual({ stdout: '', stderr: '', exitCode: 130 });
    expect(h.cluster.now() - started).toBe(1_500);
  });

  it('delete keeps "deleted" and stops waiting for the pod to go; the pod still goes', async () => {
    const h = await withDeployment({ replicas: 1 });
    const name = (await h.k('get pods -o name')).stdout.trim().slice('pod/'.length);
    const { io, started } = interruptAfter(h, 100);
    const r = await run(`delete pod ${name}`, io);
    expect(r).toEqual({ stdout: `pod "${name}" deleted from default namespace\n`, stderr: '', exitCode: 130 });
    expect(h.cluster.now() - started).toBe(100);
    h.cluster.runFor(60_000);
    expect((await h.k(`get pod ${name}`)).stderr).toBe(`Error from server (NotFound): pods "${name}" not found\n`);
  });

  it('a signal that is never raised changes nothing', async () => {
    const h = harness();
    h.files['d.yaml'] = deploymentYaml({ replicas: 1 });
    await h.k('apply -f d.yaml');
    const io: KubectlIO = { ...h.io, signal: new AbortController().signal };
    const r = await run('rollout status deployment/web --timeout=2m', io);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.endsWith('deployment "web" successfully rolled out\n')).toBe(true);
  });
});

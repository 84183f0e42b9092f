/**
 * `io.onOutput`: kubectl hands each write to the host as it prints it (a `get -w` row, a
 * `rollout status` line), in order, while the command still runs; the result is unchanged.
 */
import { describe, expect, it } from 'vitest';
import { kubectl } from './index.ts';
import { deploymentYaml, harness, withDeployment, type KubectlHarness } from './testing.ts';
import type { KubectlIO, OutputStream } from './types.ts';

interface Chunk {
  stream: OutputStream;
  text: string;
  /** Virtual ms when it was written. */
  at: number;
}

function streaming(h: KubectlHarness): { io: KubectlIO; chunks: Chunk[] } {
  const chunks: Chunk[] = [];
  return { io: { ...h.io, onOutput: (stream, text) => chunks.push({ stream, text, at: h.cluster.now() }) }, chunks };
}

describe('kubectl streams its output through io.onOutput', () => {
  it('get -w: the header with the first row, then one row per watch event, as they happen', async () => {
    const h = await withDeployment({ replicas: 1 });
    const pod = (await h.k('get pods -o name')).stdout.trim().slice('pod/'.length);
    const started = h.cluster.now();
    const { io, chunks } = streaming(h);
    // The user deletes the pod 2 s into the watch (the ReplicaSet replaces it).
    let deleted = false;
    const watchIo: KubectlIO = {
      ...io,
      sleepUntil: async (ms, done) => {
        if (!deleted) {
          await h.io.sleepUntil!(2_000, done);
          deleted = true;
          void h.k(`delete pod ${pod} --wait=false`);
          ms -= 2_000;
        }
        await h.io.sleepUntil!(ms, done);
      },
    };
    const r = await kubectl(['get', 'pods', '-w', '--timeout=30s'], watchIo);
    expect(r.exitCode).toBe(0);
    expect(chunks.every((c) => c.stream === 'stdout')).toBe(true);
    expect(chunks.map((c) => c.text).join('')).toBe(r.stdout);
    // The table's first write is the header and the existing pod, printed at once.
    expect(chunks[0]!.text).toMatch(new RegExp(`^NAME\\s+READY\\s+STATUS\\s+RESTARTS\\s+AGE\\n${pod}\\s+1/1\\s+Running\\s+0\\s+\\S+\\n$`));
    expect(chunks[0]!.at).toBe(started);
    // Every later write is exactly one row, written when its event arrived — not at the end.
    const rows = chunks.slice(1);
    expect(rows.length).toBeGreaterThan(3);
    for (const c of rows) expect(c.text).toMatch(/^[^\n]+\n$/);
    expect(rows[0]!.text).toMatch(new RegExp(`^${pod}\\s+1/1\\s+Terminating\\s`));
    expect(rows[0]!.at).toBe(started + 2_000);
    expect(rows.some((c) => /^web-\S+\s+0\/1\s+Pending\s/.test(c.text))).toBe(true);
    expect(rows.at(-1)!.at).toBeLessThan(started + 30_000);
    const times = chunks.map((c) => c.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(times).size).toBeGreaterThan(2);
  });

  it('rollout status: each progress line as it is printed, the last one when the rollout completes', async () => {
    const h = harness();
    h.files['d.yaml'] = deploymentYaml({ replicas: 3 });
    await h.k('apply -f d.yaml');
    const started = h.cluster.now();
    const { io, chunks } = streaming(h);
    const r = await kubectl(['rollout', 'status', 'deployment/web', '--timeout=2m'], io);
    expect(r.exitCode).toBe(0);
    expect(chunks.map((c) => c.text)).toEqual(r.stdout.split(/(?<=\n)/));
    expect(chunks[0]).toEqual({ stream: 'stdout', text: 'Waiting for deployment spec update to be observed...\n', at: started });
    const waiting = chunks.find((c) => c.text === 'Waiting for deployment "web" rollout to finish: 0 of 3 updated replicas are available...\n');
    expect(waiting!.at).toBeGreaterThan(started);
    // The last line is written when the pods become available, seconds of virtual time later.
    expect(chunks.at(-1)!.text).toBe('deployment "web" successfully rolled out\n');
    expect(chunks.at(-1)!.at).toBeGreaterThan(waiting!.at + 1_000);
  });

  it('stderr is streamed too; without onOutput the result is the same', async () => {
    const h = harness();
    const { io, chunks } = streaming(h);
    const r = await kubectl(['get', 'pods'], io);
    expect(chunks).toEqual([{ stream: 'stderr', text: 'No resources found in default namespace.\n', at: h.cluster.now() }]);
    expect(await kubectl(['get', 'pods'], h.io)).toEqual(r);
  });
});

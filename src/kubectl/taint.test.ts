import { describe, expect, it } from 'vitest';
import { harness } from './testing.ts';

const taintsOf = (h: ReturnType<typeof harness>, node: string) =>
  ((h.io.request({ verb: 'GET', path: `/api/v1/nodes/${node}` }).body as { spec: { taints?: unknown[] } }).spec.taints ?? []);

describe('kubectl taint', () => {
  it('adds, overwrites and removes taints with upstream messages', async () => {
    const h = harness();
    expect(await h.k('taint nodes worker-1 dedicated=gpu:NoSchedule')).toEqual({ stdout: 'node/worker-1 tainted\n', stderr: '', exitCode: 0 });
    expect(taintsOf(h, 'worker-1')).toEqual([{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }]);
    expect(await h.k('taint nodes worker-1 dedicated=cpu:NoSchedule')).toEqual({
      stdout: '',
      stderr: 'error: node worker-1 already has dedicated taint(s) with same effect(s) and --overwrite is false\n',
      exitCode: 1,
    });
    expect((await h.k('taint nodes worker-1 dedicated=cpu:NoSchedule --overwrite')).stdout).toBe('node/worker-1 modified\n');
    expect((await h.k('taint node worker-1 maint:NoExecute')).stdout).toBe('node/worker-1 tainted\n');
    expect((await h.k('describe node worker-1')).stdout).toContain('Taints:             maint:NoExecute\n                    dedicated=cpu:NoSchedule\n');
    expect((await h.k('taint nodes worker-1 dedicated:NoSchedule-')).stdout).toBe('node/worker-1 untainted\n');
    expect((await h.k('taint nodes worker-1 maint-')).stdout).toBe('node/worker-1 untainted\n');
    expect(taintsOf(h, 'worker-1')).toEqual([]);
    expect(await h.k('taint nodes worker-1 maint-')).toEqual({ stdout: '', stderr: 'error: taint "maint" not found\n', exitCode: 1 });
    expect((await h.k('taint nodes --all zone=a:PreferNoSchedule')).stdout).toBe('node/control-plane tainted\nnode/worker-1 tainted\nnode/worker-2 tainted\nnode/worker-3 tainted\n');
    expect((await h.k('taint nodes -l kubernetes.io/hostname=worker-2 zone:PreferNoSchedule-')).stdout).toBe('node/worker-2 untainted\n');
  });

  it('rejects bad taints on the client and on the server', async () => {
    const h = harness();
    expect((await h.k('taint nodes worker-1 a=b:Sometimes')).stderr).toBe('error: invalid taint effect: Sometimes, unsupported taint effect\n');
    expect((await h.k('taint nodes worker-1 a=b')).stderr).toMatch(/^error: invalid taint spec: a=b, name part must consist of alphanumeric characters/);
    expect((await h.k('taint nodes worker-1 a=b:NoSchedule a-')).stderr).toBe('error: can not both modify and remove the following taint(s) in the same command: a=\n');
    expect((await h.k('taint pods x a=b:NoSchedule')).stderr).toBe('error: invalid resource type pods, only ["node" "nodes"] are supported\n');
    expect((await h.k('taint nodes a=b:NoSchedule')).stderr).toBe("error: at least one resource name must be specified since 'all' parameter is not set\n");
    const r = h.io.request({ verb: 'PATCH', path: '/api/v1/nodes/worker-1', body: { spec: { taints: [{ key: 'a', effect: 'Sometimes' }, { key: 'b', effect: 'NoSchedule' }, { key: 'b', effect: 'NoSchedule' }] } }, patchType: 'application/merge-patch+json' });
    expect((r.body as { message: string }).message).toBe(
      'Node "worker-1" is invalid: [metadata.taints[0].effect: Unsupported value: "Sometimes": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute", metadata.taints[2]: Duplicate value: {"key":"b","effect":"NoSchedule"}: taints must be unique by key and effect pair]',
    );
  });
});


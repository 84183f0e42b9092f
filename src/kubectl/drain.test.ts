import { describe, expect, it } from 'vitest';
import { deploymentYaml, withDeployment, harness } from './testing.ts';
import { goDuration } from './drain.ts';

const PDB = `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  minAvailable: 2
  selector:
    matchLabels:
      app: web
`;

const podsOn = async (h: Awaited<ReturnType<typeof withDeployment>>, node: string) =>
  (await h.k(`get pods -o wide --field-selector spec.nodeName=${node}`)).stdout;

describe('kubectl cordon / uncordon', () => {
  it('patches spec.unschedulable and says so', async () => {
    const h = harness();
    expect(await h.k('cordon worker-1')).toEqual({ stdout: 'node/worker-1 cordoned\n', stderr: '', exitCode: 0 });
    expect(await h.k('cordon worker-1')).toEqual({ stdout: 'node/worker-1 already cordoned\n', stderr: '', exitCode: 0 });
    expect((await h.k('get node worker-1')).stdout).toMatch(/\nworker-1 {3}Ready,SchedulingDisabled {3}<none> /);
    expect(await h.k('uncordon worker-1')).toEqual({ stdout: 'node/worker-1 uncordoned\n', stderr: '', exitCode: 0 });
    expect(await h.k('uncordon node/worker-1')).toEqual({ stdout: 'node/worker-1 already uncordoned\n', stderr: '', exitCode: 0 });
    expect(await h.k('cordon worker-2 --dry-run=client')).toEqual({ stdout: 'node/worker-2 cordoned (dry run)\n', stderr: '', exitCode: 0 });
    expect((await h.k('get node worker-2')).stdout).not.toContain('SchedulingDisabled');
    expect((await h.k('cordon -l kubernetes.io/hostname=worker-3')).stdout).toBe('node/worker-3 cordoned\n');
  });

  it('answers bad input as kubectl does', async () => {
    const h = harness();
    expect(await h.k('cordon')).toEqual({ stdout: '', stderr: "error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n", exitCode: 1 });
    expect(await h.k('cordon nope')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): nodes "nope" not found\n', exitCode: 1 });
    expect((await h.k('cordon worker-1 --dry-run')).stderr).toBe('error: --dry-run flag without a value was specified. A value must be set: "none", "server", or "client".\n');
  });
});

describe('kubectl drain', () => {
  it('cordons, evicts the node\'s pods and waits for them to go', async () => {
    const h = await withDeployment({ replicas: 3 });
    const before = await podsOn(h, 'worker-1');
    const name = /\n(web-\S+)/.exec(before)![1]!;
    const r = await h.k('drain worker-1');
    expect(r).toEqual({ stdout: `node/worker-1 cordoned\nevicting pod default/${name}\npod/${name} evicted\nnode/worker-1 drained\n`, stderr: '', exitCode: 0 });
    expect(await podsOn(h, 'worker-1')).toBe('');
  });

  it('refuses pods without a controller unless --force', async () => {
    const h = harness();
    h.files['p.yaml'] = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: bare\nspec:\n  nodeName: worker-2\n  containers:\n  - name: c\n    image: nginx\n';
    await h.k('apply -f p.yaml');
    await h.io.sleep(5000);
    expect(await h.k('drain worker-2')).toEqual({
      stdout: 'node/worker-2 cordoned\n',
      stderr:
        'error: unable to drain node "worker-2" due to error: cannot delete Pods that declare no controller (use --force to override): default/bare, continuing command...\nThere are pending nodes to be drained:\n worker-2\nerror: cannot delete Pods that declare no controller (use --force to override): default/bare\n',
      exitCode: 1,
    });
    const r = await h.k('drain worker-2 --force --grace-period=0');
    expect(r.stderr).toBe('Warning: deleting Pods that declare no controller: default/bare\n');
    expect(r.stdout).toBe('node/worker-2 already cordoned\nevicting pod default/bare\npod/bare evicted\nnode/worker-2 drained\n');
  });

  /** `replicas` pods all on worker-1 (the other workers cordoned while they were placed), then a PDB. */
  async function stacked(replicas: number) {
    const h = harness();
    await h.k('cordon worker-2 worker-3');
    h.files['d.yaml'] = deploymentYaml({ replicas });
    await h.k('apply -f d.yaml');
    await h.k('rollout status deploy/web --timeout=5m');
    await h.k('uncordon worker-2 worker-3');
    h.files['pdb.yaml'] = PDB;
    await h.k('apply -f pdb.yaml');
    await h.io.sleep(2000);
    const pods = (await h.k('get pods -o name')).stdout.trim().split('\n').map((s) => s.slice(4));
    return { h, pods };
  }

  it('waits on a PodDisruptionBudget, says why, and finishes once a replacement is Ready', async () => {
    const { h, pods } = await stacked(3);
    const streamed: string[] = [];
    h.io.onOutput = (_s, t) => streamed.push(t);
    const t0 = h.io.nowMs();
    const r = await h.k('drain worker-1 --ignore-daemonsets');
    h.io.onOutput = undefined;
    expect(r.exitCode).toBe(0);
    expect(r.stdout.startsWith('node/worker-1 cordoned\n')).toBe(true);
    expect(r.stdout.endsWith('node/worker-1 drained\n')).toBe(true);
    for (const p of pods) expect(r.stdout).toContain(`pod/${p} evicted\n`);
    expect(r.stderr).toContain(`" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.\n`);
    expect(r.stderr).toMatch(/^error when evicting pods\/"web-[^"]+" -n "default" \(will retry after 5s\)/);
    // Streamed as it happened: the retry line came before the command ended.
    expect(streamed.findIndex((t) => t.includes('will retry'))).toBeLessThan(streamed.findIndex((t) => t.includes('drained')));
    expect(h.io.nowMs() - t0).toBeGreaterThanOrEqual(5000);
    expect((await h.k('get pods -o wide')).stdout).not.toContain('worker-1');
  });

  it('gives up at --timeout with upstream messages', async () => {
    const { h, pods } = await stacked(2);
    const [a, b] = pods as [string, string];
    const r = await h.k('drain worker-1 --timeout=12s');
    expect(r.stdout).toBe(`node/worker-1 cordoned\n${`evicting pod default/${a}\nevicting pod default/${b}\n`.repeat(3)}`);
    const retry = (p: string) => `error when evicting pods/"${p}" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.\n`;
    const err = `[error when evicting pods/"${a}" -n "default": global timeout reached: 12s, error when evicting pods/"${b}" -n "default": global timeout reached: 12s]`;
    expect(r.stderr).toBe(
      `${(retry(a) + retry(b)).repeat(3)}There are pending pods in node "worker-1" when an error occurred: ${err}\npod/${a}\npod/${b}\n` +
        `error: unable to drain node "worker-1" due to error: ${err}, continuing command...\nThere are pending nodes to be drained:\n worker-1\nerror: ${err}\n`,
    );
    expect(r.exitCode).toBe(1);
    expect((await h.k('describe pdb web')).stdout).toBe(
      'Name:           web\nNamespace:      default\nMin available:  2\nSelector:       app=web\nStatus:\n    Allowed disruptions:  0\n    Current:              2\n    Desired:              2\n    Total:                2\nEvents:                   <none>\n',
    );
  });

  it('stops on Ctrl+C', async () => {
    const { h } = await stacked(2);
    const signal = { aborted: false };
    h.io.signal = signal;
    h.io.onOutput = (_s, t) => {
      if (t.includes('will retry')) signal.aborted = true;
    };
    const r = await h.k('drain worker-1');
    expect(r.exitCode).toBe(130);
    expect(r.stdout).not.toContain('drained');
  });

  it('refuses pods with local storage, --delete-emptydir-data and --disable-eviction delete them', async () => {
    const h = harness();
    h.files['p.yaml'] =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: scratch\n  labels:\n    app: s\nspec:\n  nodeName: worker-3\n  containers:\n  - name: c\n    image: nginx\n  volumes:\n  - name: tmp\n    emptyDir: {}\n';
    await h.k('apply -f p.yaml');
    await h.io.sleep(5000);
    const r = await h.k('drain worker-3 --force');
    expect(r.stderr).toBe(
      'error: unable to drain node "worker-3" due to error: cannot delete Pods with local storage (use --delete-emptydir-data to override): default/scratch, continuing command...\nThere are pending nodes to be drained:\n worker-3\nerror: cannot delete Pods with local storage (use --delete-emptydir-data to override): default/scratch\n',
    );
    expect(await h.k('drain worker-3 --force --delete-emptydir-data --dry-run=client')).toEqual({
      stdout: 'node/worker-3 already cordoned (dry run)\nevicting pod default/scratch (dry run)\nnode/worker-3 drained (dry run)\n',
      stderr: 'Warning: deleting Pods that declare no controller: default/scratch\n',
      exitCode: 0,
    });
    expect((await h.k('drain worker-3 --force --delete-emptydir-data --pod-selector app=other')).stdout).toBe('node/worker-3 already cordoned\nnode/worker-3 drained\n');
    const d = await h.k('drain worker-3 --force --delete-emptydir-data --disable-eviction --grace-period=0');
    expect(d.stdout).toBe('node/worker-3 already cordoned\npod/scratch deleted\nnode/worker-3 drained\n');
  });

  it('drains a failed node with --skip-wait-for-delete-timeout', async () => {
    const h = await withDeployment({ replicas: 3 });
    const name = /\n(web-\S+)[^\n]*worker-1/.exec((await h.k('get pods -o wide')).stdout)![1]!;
    h.cluster.sim.nodeFail!('worker-1');
    const r = await h.k('drain worker-1 --skip-wait-for-delete-timeout=5 --timeout=2m');
    // The kubelet never confirms the deletion; once the deletionTimestamp (now + 30 s) is 5 s old, drain moves on.
    expect(r).toEqual({ stdout: `node/worker-1 cordoned\nevicting pod default/${name}\npod "${name}" has DeletionTimestamp older than 5 seconds, skipping\nnode/worker-1 drained\n`, stderr: '', exitCode: 0 });
    expect((await h.k('drain worker-1 --skip-wait-for-delete-timeout=5')).stdout).toBe('node/worker-1 already cordoned\nnode/worker-1 drained\n');
  });

  it('formats Go durations', () => {
    expect([goDuration(30_000), goDuration(90_000), goDuration(3_600_000), goDuration(500)]).toEqual(['30s', '1m30s', '1h0m0s', '500ms']);
  });
});

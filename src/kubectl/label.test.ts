import { describe, expect, it } from 'vitest';
import { harness, withDeployment } from './testing.ts';

describe('kubectl label', () => {
  it('labels, refuses overwrites, unlabels and lists', async () => {
    const h = await withDeployment({ replicas: 1 });
    expect(await h.k('label node worker-1 disk=ssd')).toEqual({ stdout: 'node/worker-1 labeled\n', stderr: '', exitCode: 0 });
    expect(await h.k('label nodes worker-1 disk=hdd')).toEqual({ stdout: '', stderr: "error: 'disk' already has a value (ssd), and --overwrite is false\n", exitCode: 1 });
    expect((await h.k('label nodes worker-1 disk=hdd --overwrite')).stdout).toBe('node/worker-1 labeled\n');
    expect((await h.k('label nodes worker-1 disk=hdd')).stdout).toBe('node/worker-1 not labeled\n');
    expect((await h.k('get nodes -l disk=hdd')).stdout).toMatch(/^NAME {7}STATUS {3}ROLES {4}AGE {3}VERSION\nworker-1 /);
    expect((await h.k('get nodes worker-1 -L disk')).stdout).toMatch(/^NAME {7}STATUS {3}ROLES {4}AGE {3}VERSION {3}DISK\nworker-1 .* hdd\n$/);
    expect((await h.k('label nodes worker-1 disk-')).stdout).toBe('node/worker-1 unlabeled\n');
    expect((await h.k('label nodes worker-1 disk-')).stdout).toBe('label "disk" not found.\nnode/worker-1 not labeled\n');
    expect((await h.k('label deploy web tier=front')).stdout).toBe('deployment.apps/web labeled\n');
    expect((await h.k('label deploy web --list')).stdout).toBe('Listing labels for Deployment.apps/web:\n tier=front\n');
    expect((await h.k('label pods --all team=a')).stdout).toMatch(/^pod\/web-\S+ labeled\n$/);
  });

  it('answers bad input as kubectl and the API server do', async () => {
    const h = harness();
    expect((await h.k('label node worker-1 a=b=c')).stderr).toBe('error: invalid label spec: a=b=c\n');
    expect((await h.k('label node worker-1 a=b a-')).stderr).toBe('error: can not both modify and remove a label in the same command\n');
    expect((await h.k('label node worker-1')).stderr).toBe('error: at least one label update is required\n');
    expect((await h.k('label node worker-1 a=b c')).stderr).toBe('error: all resources must be specified before label changes: c\n');
    expect((await h.k('label node worker-1 a=b!')).stderr).toMatch(/^error: invalid label value: "a=b!": a valid label must be an empty string/);
    expect((await h.k('label node worker-1 a/b/c=x')).stderr).toMatch(/^The Node "worker-1" is invalid: metadata.labels: Invalid value: "a\/b\/c": a qualified name must consist of/);
  });
});

describe('kubectl get priorityclass', () => {
  it('prints the PriorityClass table', async () => {
    const h = harness();
    h.files['pc.yaml'] = 'apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n  name: high\nvalue: 1000\n';
    expect((await h.k('apply -f pc.yaml')).exitCode).toBe(0);
    expect((await h.k('get pc high')).stdout).toMatch(/^NAME {3}VALUE {3}GLOBAL-DEFAULT {3}AGE {3}PREEMPTIONPOLICY\nhigh {3}1000 {4}false {12}\d+s {4}PreemptLowerPriority\n$/);
  });
});

describe('per-command flags', () => {
  it('refuses a node command flag on a command that lacks it', async () => {
    const h = harness();
    expect(await h.k('apply --dry-run=client -f x.yaml')).toEqual({ stdout: '', stderr: "error: unknown flag: --dry-run\nSee 'kubectl apply --help' for usage.\n", exitCode: 1 });
    expect((await h.k('get pods --ignore-daemonsets')).stderr).toBe("error: unknown flag: --ignore-daemonsets\nSee 'kubectl get --help' for usage.\n");
  });
});

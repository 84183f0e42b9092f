import { describe, expect, it } from 'vitest';
import type { Deployment } from 'kubernetes-types/apps/v1';
import { deploymentStatus } from './rolloutStatus.ts';
import { harness, withDeployment } from './testing.ts';

describe('kubectl rollout status', () => {
  it('DeploymentStatusViewer lines', () => {
    const d = (generation: number, observed: number, status: Record<string, unknown>, replicas = 3) =>
      ({ metadata: { name: 'web', generation }, spec: { replicas }, status: { observedGeneration: observed, ...status } }) as unknown as Deployment;
    expect(deploymentStatus(d(2, 1, {}), 0)).toEqual({ line: 'Waiting for deployment spec update to be observed...\n', done: false });
    expect(deploymentStatus(d(2, 2, { updatedReplicas: 1 }), 0)).toEqual({ line: 'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n', done: false });
    expect(deploymentStatus(d(2, 2, { updatedReplicas: 3, replicas: 4 }), 0)).toEqual({ line: 'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...\n', done: false });
    expect(deploymentStatus(d(2, 2, { updatedReplicas: 3, replicas: 3, availableReplicas: 2 }), 0)).toEqual({ line: 'Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...\n', done: false });
    expect(deploymentStatus(d(2, 2, { updatedReplicas: 3, replicas: 3, availableReplicas: 3 }), 0)).toEqual({ line: 'deployment "web" successfully rolled out\n', done: true });
    expect(deploymentStatus(d(2, 2, { conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] }), 0)).toEqual({ error: 'deployment "web" exceeded its progress deadline' });
  });

  it('waits in virtual time until rolled out; -w=false prints one line; times out with the watch error', async () => {
    const h = harness();
    h.files['d.yaml'] = (await import('./testing.ts')).deploymentYaml();
    await h.k('apply -f d.yaml');
    expect(await h.k('rollout status deployment/web -w=false')).toEqual({ stdout: 'Waiting for deployment spec update to be observed...\n', stderr: '', exitCode: 0 });
    const r = await h.k('rollout status deployment/web --timeout=2m');
    expect(r.exitCode).toBe(0);
    expect(r.stdout.endsWith('deployment "web" successfully rolled out\n')).toBe(true);
    expect(await h.k('rollout status deploy/web')).toEqual({ stdout: 'deployment "web" successfully rolled out\n', stderr: '', exitCode: 0 });
    await h.k('set image deploy/web nginx=nginx:does-not-exist');
    const t = await h.k('rollout status deploy/web --timeout=5s');
    expect(t.stderr).toBe('error: timed out waiting for the condition\n');
    expect(t.exitCode).toBe(1);
    expect((await h.k('rollout status deploy/nope')).stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    expect((await h.k('rollout status')).stderr).toBe('error: required resource not specified\n');
  });
});

describe('kubectl rollout history and undo', () => {
  it('lists revisions, prints one, rolls back and skips an equal template', async () => {
    const h = await withDeployment();
    await h.k('set image deploy/web nginx=nginx:1.29');
    await h.k('rollout status deploy/web --timeout=5m');
    expect(await h.k('rollout history deployment/web')).toEqual({ stdout: 'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n', stderr: '', exitCode: 0 });
    const one = (await h.k('rollout history deploy/web --revision=1')).stdout;
    expect(one.startsWith('deployment.apps/web with revision #1\nPod Template:\n  Labels:\tapp=web\n\tpod-template-hash=')).toBe(true);
    expect(one).toContain('\n  Containers:\n   nginx:\n    Image:\tnginx:1.27\n    Port:\t80/TCP\n    Host Port:\t0/TCP\n    Environment:\t<none>\n    Mounts:\t<none>\n  Volumes:\t<none>\n  Node-Selectors:\t<none>\n  Tolerations:\t<none>\n\n');
    expect((await h.k('rollout history deploy/web --revision=7')).stderr).toBe('error: unable to find the specified revision\n');
    expect(await h.k('rollout undo deploy/web --to-revision=2')).toEqual({ stdout: 'deployment.apps/web skipped rollback (current template already matches revision 2)\n', stderr: '', exitCode: 0 });
    expect((await h.k('rollout undo deploy/web --to-revision=9')).stderr).toBe('error: unable to find specified revision 9 in history\n');
    expect(await h.k('rollout undo deployment/web')).toEqual({ stdout: 'deployment.apps/web rolled back\n', stderr: '', exitCode: 0 });
    await h.k('rollout status deploy/web --timeout=5m');
    const d = JSON.parse((await h.k('get deploy web -o json')).stdout) as { metadata: { annotations: Record<string, string> }; spec: { template: { metadata: { labels: Record<string, string> }; spec: { containers: { image: string }[] } } } };
    expect(d.spec.template.spec.containers[0]!.image).toBe('nginx:1.27');
    expect(d.spec.template.metadata.labels).toEqual({ app: 'web' });
    expect(d.metadata.annotations['deployment.kubernetes.io/revision']).toBe('3');
    expect((await h.k('rollout history deploy/web')).stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n');
  });

  it('has nothing to undo on a fresh Deployment', async () => {
    const h = await withDeployment();
    expect((await h.k('rollout undo deploy/web')).stderr).toBe('error: no rollout history found for deployment "web"\n');
    expect((await h.k('rollout history rs/x')).stderr).toBe('Error from server (NotFound): replicasets.apps "x" not found\n');
  });
});

describe('kubectl rollout pause, resume, restart', () => {
  it('patches spec.paused and the restartedAt annotation, with upstream errors', async () => {
    const h = await withDeployment();
    await h.k('set image deploy/web nginx=nginx:1.29');
    await h.k('rollout status deploy/web --timeout=5m');
    expect(await h.k('rollout resume deploy/web')).toEqual({ stdout: '', stderr: 'error: deployments.apps "web" is not paused\n', exitCode: 1 });
    expect(await h.k('rollout pause deploy/web')).toEqual({ stdout: 'deployment.apps/web paused\n', stderr: '', exitCode: 0 });
    expect(await h.k('rollout pause deploy/web')).toEqual({ stdout: '', stderr: 'error: deployments.apps "web" is already paused\n', exitCode: 1 });
    expect((await h.k('rollout restart deploy/web')).stderr).toBe('error: deployments.apps "web" can\'t restart paused deployment (run rollout resume first)\n');
    expect((await h.k('rollout undo deploy/web')).stderr).toBe("error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/web' and try again\n");
    expect(await h.k('rollout resume deploy/web')).toEqual({ stdout: 'deployment.apps/web resumed\n', stderr: '', exitCode: 0 });
    const now = new Date(Math.floor(h.io.nowMs() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
    expect(await h.k('rollout restart deploy/web')).toEqual({ stdout: 'deployment.apps/web restarted\n', stderr: '', exitCode: 0 });
    expect(await h.k('rollout restart deploy/web')).toEqual({
      stdout: '',
      stderr: 'error: failed to create patch for web: if restart has already been triggered within the past second, please wait before attempting to trigger another\n',
      exitCode: 1,
    });
    const d = JSON.parse((await h.k('get deploy web -o json')).stdout) as { spec: { paused?: boolean; template: { metadata: { annotations: Record<string, string> } } } };
    expect(d.spec.paused).toBeUndefined();
    expect(d.spec.template.metadata.annotations).toEqual({ 'kubectl.kubernetes.io/restartedAt': now });
    const rs = (await h.k('get rs -o name')).stdout.trim().split('\n')[0]!;
    expect((await h.k(`rollout pause ${rs}`)).stderr).toBe(`error: replicasets.apps "${rs.slice(rs.indexOf('/') + 1)}" pausing is not supported\n`);
  });
});

describe('kubectl annotate and CHANGE-CAUSE', () => {
  it('records kubernetes.io/change-cause, which rollout history shows per revision', async () => {
    const h = await withDeployment();
    expect(await h.run(['annotate', 'deployment/web', 'kubernetes.io/change-cause=first release'])).toEqual({ stdout: 'deployment.apps/web annotated\n', stderr: '', exitCode: 0 });
    expect((await h.run(['annotate', 'deployment/web', 'kubernetes.io/change-cause=oops'])).stderr).toBe(
      "error: --overwrite is false but found the following declared annotation(s): 'kubernetes.io/change-cause' already has a value (first release)\n",
    );
    await h.k('rollout status deploy/web --timeout=1m');
    await h.k('set image deploy/web nginx=nginx:1.29');
    expect((await h.run(['annotate', 'deploy/web', 'kubernetes.io/change-cause=nginx 1.29', '--overwrite'])).stdout).toBe('deployment.apps/web annotated\n');
    await h.k('rollout status deploy/web --timeout=5m');
    expect((await h.k('rollout history deploy/web')).stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         first release\n2         nginx 1.29\n\n');
    expect((await h.k('annotate deploy/web kubernetes.io/change-cause-')).stdout).toBe('deployment.apps/web annotated\n');
    expect((await h.k('annotate deploy/web')).stderr).toBe('error: at least one annotation update is required\n');
  });
});

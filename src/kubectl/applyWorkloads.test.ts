import { describe, expect, it } from 'vitest';
import { deploymentYaml, withDeployment } from './testing.ts';

describe('kubectl apply of a Deployment', () => {
  it('unchanged when nothing changed; configured (a new ReplicaSet) when the template changed', async () => {
    const h = await withDeployment();
    expect(await h.k('apply -f d.yaml')).toEqual({ stdout: 'deployment.apps/web unchanged\n', stderr: '', exitCode: 0 });
    h.files['d.yaml'] = deploymentYaml({ image: 'nginx:1.29' });
    expect(await h.k('apply -f d.yaml')).toEqual({ stdout: 'deployment.apps/web configured\n', stderr: '', exitCode: 0 });
    expect((await h.k('rollout status deploy/web --timeout=5m')).stdout.endsWith('deployment "web" successfully rolled out\n')).toBe(true);
    const rs = (await h.k('get rs -o wide')).stdout.split('\n');
    expect(rs).toHaveLength(4);
    expect(rs.find((l) => l.includes('nginx:1.29'))).toMatch(/^web-[a-z0-9]+ +3 +3 +3 +\d+s +nginx +nginx:1\.29 /);
    expect(rs.find((l) => l.includes('nginx:1.27'))).toMatch(/^web-[a-z0-9]+ +0 +0 +0 +\d+s +nginx +nginx:1\.27 /);
    // Only replicas changed: configured, no new ReplicaSet.
    h.files['d.yaml'] = deploymentYaml({ image: 'nginx:1.29', replicas: 4 });
    expect((await h.k('apply -f d.yaml')).stdout).toBe('deployment.apps/web configured\n');
    expect((await h.k('rollout history deploy/web')).stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
  });

  it('a selector that does not match the template labels is rejected with the API server text', async () => {
    const h = await withDeployment();
    h.files['bad.yaml'] = deploymentYaml({ name: 'api' }).replace('      labels:\n        app: api', '      labels:\n        app: other');
    const r = await h.k('apply -f bad.yaml');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('The Deployment "api" is invalid: spec.template.metadata.labels: Invalid value: ');
    expect(r.stderr).toContain('`selector` does not match template `labels`');
  });
});

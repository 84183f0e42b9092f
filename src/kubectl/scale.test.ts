import { describe, expect, it } from 'vitest';
import { withDeployment, harness } from './testing.ts';

describe('kubectl scale', () => {
  it('PATCHes the scale subresource and prints scaled', async () => {
    const h = await withDeployment();
    const seen: string[] = [];
    const request = h.io.request;
    h.io.request = (req) => (seen.push(`${req.verb} ${req.path} ${JSON.stringify(req.body ?? null)}`), request(req));
    expect(await h.k('scale deployment/web --replicas=5')).toEqual({ stdout: 'deployment.apps/web scaled\n', stderr: '', exitCode: 0 });
    expect(seen).toEqual([
      'GET /apis/apps/v1/namespaces/default/deployments/web null',
      'PATCH /apis/apps/v1/namespaces/default/deployments/web/scale {"spec":{"replicas":5}}',
    ]);
    h.io.request = request;
    expect(await h.k('rollout status deploy web --timeout=1m')).toMatchObject({ exitCode: 0 });
    expect((await h.k('get deploy web')).stdout).toMatch(/\nweb {4}5\/5 {5}5 {12}5 {11}\d+s\n$/);
    expect((await h.k('scale deploy web --replicas 0')).stdout).toBe('deployment.apps/web scaled\n');
  });

  it('checks --current-replicas against the Scale before a PUT', async () => {
    const h = await withDeployment();
    expect(await h.k('scale deploy web --current-replicas=2 --replicas=4')).toEqual({ stdout: '', stderr: 'error: Expected replicas to be 2, was 3\n', exitCode: 1 });
    expect(await h.k('scale deploy web --current-replicas=3 --replicas=4')).toEqual({ stdout: 'deployment.apps/web scaled\n', stderr: '', exitCode: 0 });
    expect((await h.k('scale deploy web --resource-version=1 --replicas=4')).stderr).toMatch(/^error: Expected resource version to be 1, was \d+\n$/);
  });

  it('scales a ReplicaSet by name', async () => {
    const h = await withDeployment();
    const rs = (await h.k('get rs -o name')).stdout.trim();
    expect(await h.k(`scale ${rs} --replicas=1`)).toMatchObject({ stdout: `${rs} scaled\n`, exitCode: 0 });
  });

  it('answers bad input as kubectl does', async () => {
    const h = harness();
    expect(await h.k('scale deploy/web')).toEqual({ stdout: '', stderr: 'error: required flag(s) "replicas" not set\n', exitCode: 1 });
    expect(await h.k('scale deploy/web --replicas=-1')).toEqual({ stdout: '', stderr: 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n', exitCode: 1 });
    expect(await h.k('scale deploy/web --replicas=x')).toEqual({
      stdout: '',
      stderr: 'error: invalid argument "x" for "--replicas" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'kubectl scale --help\' for usage.\n',
      exitCode: 1,
    });
    expect(await h.k('scale deploy/nope --replicas=2')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n', exitCode: 1 });
  });
});

import { describe, expect, it } from 'vitest';
import { harness, withDeployment } from './testing.ts';

describe('kubectl delete --cascade', () => {
  it('sends the propagationPolicy of each cascade value', async () => {
    const h = await withDeployment();
    const seen: unknown[] = [];
    const request = h.io.request;
    h.io.request = (req) => (req.verb === 'DELETE' && seen.push((req.body as { propagationPolicy?: string }).propagationPolicy), request(req));
    const rs = (await h.k('get rs -o name')).stdout.trim();
    expect(await h.k(`delete ${rs} --cascade=orphan --wait=false`)).toEqual({ stdout: `replicaset.apps "${rs.slice(rs.indexOf('/') + 1)}" deleted from default namespace\n`, stderr: '', exitCode: 0 });
    expect(await h.k('delete deploy web --cascade --wait=false')).toEqual({ stdout: 'deployment.apps "web" deleted from default namespace\n', stderr: '', exitCode: 0 });
    expect(seen).toEqual(['Orphan', 'Background']);
  });

  it('maps the deprecated booleans with a warning and rejects other values', async () => {
    const h = harness();
    const seen: unknown[] = [];
    const request = h.io.request;
    h.io.request = (req) => (req.verb === 'DELETE' && seen.push((req.body as { propagationPolicy?: string }).propagationPolicy), request(req));
    expect(await h.k('delete deploy nope --cascade=false')).toEqual({
      stdout: '',
      stderr: 'warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\nError from server (NotFound): deployments.apps "nope" not found\n',
      exitCode: 1,
    });
    expect((await h.k('delete deploy nope --cascade=true')).stderr.split('\n')[0]).toBe('warning: --cascade=true is deprecated (boolean value) and can be replaced with --cascade=background.');
    expect(seen).toEqual(['Orphan', 'Background']);
    expect(await h.k('delete deploy nope --cascade=sideways')).toEqual({ stdout: '', stderr: 'error: invalid cascade value (sideways). Must be "background", "foreground", or "orphan"\n', exitCode: 1 });
  });

  it('foreground: kubectl waits until the GC removed the pods, the ReplicaSet and the Deployment', async () => {
    const h = await withDeployment();
    expect(await h.k('delete deployment web --cascade=foreground')).toEqual({ stdout: 'deployment.apps "web" deleted from default namespace\n', stderr: '', exitCode: 0 });
    expect(await h.k('get deploy,rs,pods')).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
  });

  it('orphan: the ReplicaSet and pods stay, without an owner', async () => {
    const h = await withDeployment();
    expect((await h.k('delete deployment web --cascade=orphan')).exitCode).toBe(0);
    const rs = JSON.parse((await h.k('get rs -o json')).stdout) as { items: { metadata: { ownerReferences?: unknown[] } }[] };
    expect(rs.items).toHaveLength(1);
    expect(rs.items[0]!.metadata.ownerReferences).toBeUndefined();
    expect((await h.k('get pods -o name')).stdout.trim().split('\n')).toHaveLength(3);
  });
});

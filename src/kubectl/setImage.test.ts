import { describe, expect, it } from 'vitest';
import { harness, withDeployment } from './testing.ts';

describe('kubectl set image', () => {
  it('sends a strategic-merge patch of the changed container and prints image updated', async () => {
    const h = await withDeployment();
    const seen: string[] = [];
    const request = h.io.request;
    h.io.request = (req) => (req.verb === 'PATCH' && seen.push(`${req.patchType} ${JSON.stringify(req.body)}`), request(req));
    expect(await h.k('set image deployment/web nginx=nginx:1.29')).toEqual({ stdout: 'deployment.apps/web image updated\n', stderr: '', exitCode: 0 });
    expect(seen).toEqual(['application/strategic-merge-patch+json {"spec":{"template":{"spec":{"containers":[{"image":"nginx:1.29","name":"nginx"}]}}}}']);
    h.io.request = request;
    const d = JSON.parse((await h.k('get deploy web -o json')).stdout) as { metadata: { generation: number }; spec: { template: { spec: { containers: { image: string }[] } } } };
    expect(d.spec.template.spec.containers[0]!.image).toBe('nginx:1.29');
    expect(d.metadata.generation).toBe(2);
    // Nothing changed: no PATCH and no output, as set_image.go skips an empty patch.
    expect(await h.k('set image deploy web *=nginx:1.29')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('names a container that does not exist', async () => {
    const h = await withDeployment();
    expect(await h.k('set image deploy/web app=nginx:1.29')).toEqual({ stdout: '', stderr: 'error: unable to find container named "app"\n', exitCode: 1 });
  });

  it('validates its arguments with set_image.go wording', async () => {
    const h = harness();
    expect((await h.k('set image deploy/web')).stderr).toBe('error: at least one image update is required\n');
    expect((await h.k('set image nginx=nginx:1.29')).stderr).toBe('error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n');
    expect((await h.k('set image deploy/web a=x deploy/api')).stderr).toBe('error: all resources must be specified before image changes: deploy/api\n');
    expect((await h.k('set image deploy/web *=x a=y')).stderr).toBe('error: all containers are already specified by *, but saw more than one container_name=container_image pairs\n');
    expect(await h.k('set image deploy/nope a=b')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n', exitCode: 1 });
  });
});

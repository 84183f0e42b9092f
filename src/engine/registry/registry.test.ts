import { describe, expect, it } from 'vitest';
import { createRegistry } from './registry.ts';
import { normalizeImage, parseImageRef } from './reference.ts';

describe('normalizeImage (docker ParseNormalizedNamed + TagNameOnly)', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx:latest'],
    ['nginx:1.25', 'docker.io/library/nginx:1.25'],
    ['library/nginx', 'docker.io/library/nginx:latest'],
    ['docker.io/nginx', 'docker.io/library/nginx:latest'],
    ['index.docker.io/library/nginx:alpine', 'docker.io/library/nginx:alpine'],
    ['hashicorp/http-echo', 'docker.io/hashicorp/http-echo:latest'],
    ['registry.k8s.io/pause:3.10', 'registry.k8s.io/pause:3.10'],
    ['localhost:5000/app', 'localhost:5000/app:latest'],
    ['localhost/app:v1', 'localhost/app:v1'],
  ])('%s → %s', (input, want) => {
    expect(normalizeImage(input)).toBe(want);
  });

  it('rejects bad references', () => {
    expect(parseImageRef('Nginx')).toEqual({ error: 'invalid reference format: repository name must be lowercase' });
    expect(parseImageRef('nginx:')).toEqual({ error: 'invalid reference format' });
    expect(parseImageRef('')).toEqual({ error: 'invalid reference format' });
  });
});

describe('createRegistry', () => {
  const reg = createRegistry();
  it('knows common images with compressed sizes and sha256 digests', () => {
    const nginx = reg.lookup('nginx');
    expect(nginx?.name).toBe('docker.io/library/nginx:latest');
    expect(nginx?.sizeBytes).toBe(72_200_000);
    expect(nginx?.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(reg.lookup('docker.io/library/nginx:latest')).toBe(nginx);
    expect(reg.lookup('registry.k8s.io/pause:3.10')?.sizeBytes).toBe(320_000);
    expect(reg.lookup(`nginx@${nginx!.digest}`)).toBe(nginx);
  });
  it('fails unknown tags with containerd NotFound and unknown repositories with access denied', () => {
    expect(reg.pullError('nginx:doesnotexist')).toBe(
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:doesnotexist": ' +
        'failed to resolve reference "docker.io/library/nginx:doesnotexist": docker.io/library/nginx:doesnotexist: not found',
    );
    expect(reg.pullError('acme/nope:1')).toBe(
      'rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/acme/nope:1": ' +
        'failed to resolve reference "docker.io/acme/nope:1": pull access denied, repository does not exist or may require authorization: ' +
        'server message: insufficient_scope: authorization failed',
    );
    expect(reg.pullError('nginx:1.25')).toBeUndefined();
  });
  it('push adds an image and a new digest on re-push', () => {
    const r = createRegistry();
    r.push('acme/app:v1', 12_345_678);
    const a = r.lookup('acme/app:v1')!;
    expect(a).toMatchObject({ name: 'docker.io/acme/app:v1', sizeBytes: 12_345_678 });
    r.push('acme/app:v1', 12_000_000);
    expect(r.lookup('acme/app:v1')!.digest).not.toBe(a.digest);
    expect(r.repositoryExists('acme/app:v2')).toBe(true);
  });
});

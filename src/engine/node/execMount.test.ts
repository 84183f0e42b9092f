/** `mount` in a container: Secret and token volumes are tmpfs, ConfigMap volumes come from disk, all read-only. */
import { describe, expect, it } from 'vitest';
import { execCommand } from './exec.ts';

describe('exec mount', () => {
  it('lists the kubelet mounts with their file systems', () => {
    const r = execCommand({
      hostname: 'web',
      env: [],
      execID: () => 'x',
      mounts: [
        { mountPath: '/etc/config', files: new Map() },
        { mountPath: '/etc/secret', files: new Map(), tmpfs: true },
      ],
    }, ['mount']);
    expect('stdout' in r && r.stdout.split('\n')).toEqual(expect.arrayContaining([
      '/dev/vda1 on /etc/config type ext4 (ro,relatime)',
      'tmpfs on /etc/secret type tmpfs (ro,relatime)',
      '/dev/vda1 on /etc/resolv.conf type ext4 (rw,relatime)',
    ]));
  });
});

import { describe, expect, it } from 'vitest';
import { Store } from '../apiserver/store.ts';
import type { KubeObject } from '../types.ts';
import { lookupA, resolvConf, resolve, searchPath } from './dns.ts';

function store(): Store {
  const s = new Store();
  const put = (resource: string, o: Record<string, unknown>) => s.put(resource, o as unknown as KubeObject);
  put('namespaces', { metadata: { name: 'default' } });
  put('namespaces', { metadata: { name: 'shop' } });
  put('services', { metadata: { name: 'web', namespace: 'default' }, spec: { clusterIP: '10.96.12.7' } });
  put('services', { metadata: { name: 'kubernetes', namespace: 'default' }, spec: { clusterIP: '10.96.0.1' } });
  put('services', { metadata: { name: 'cart', namespace: 'shop' }, spec: { clusterIP: '10.100.3.4' } });
  put('services', { metadata: { name: 'db', namespace: 'default' }, spec: { clusterIP: 'None' } });
  put('endpointslices', {
    metadata: { name: 'db-abcde', namespace: 'default', labels: { 'kubernetes.io/service-name': 'db' } },
    endpoints: [
      { addresses: ['10.244.1.5'], hostname: 'db-0', conditions: { ready: true } },
      { addresses: ['10.244.2.6'], conditions: { ready: false } },
      { addresses: ['10.244.2.7'], conditions: {} },
    ],
  });
  return s;
}

describe('cluster DNS', () => {
  it('writes resolv.conf as containerd does from the kubelet ClusterFirst config', () => {
    expect(resolvConf('shop')).toBe('search shop.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
    expect(searchPath('default')).toEqual(['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local']);
  });

  it('answers Service A records with the ClusterIP, headless ones with ready endpoint IPs', () => {
    const s = store();
    expect(lookupA(s, 'web.default.svc.cluster.local')).toEqual({ ok: true, name: 'web.default.svc.cluster.local', ips: ['10.96.12.7'] });
    expect(lookupA(s, 'db.default.svc.cluster.local')).toEqual({ ok: true, name: 'db.default.svc.cluster.local', ips: ['10.244.1.5', '10.244.2.7'] });
    expect(lookupA(s, 'db-0.db.default.svc.cluster.local')).toMatchObject({ ok: true, ips: ['10.244.1.5'] });
    expect(lookupA(s, 'web.shop.svc.cluster.local')).toEqual({ ok: false, name: 'web.shop.svc.cluster.local' });
    expect(lookupA(s, '10-244-1-5.default.pod.cluster.local')).toMatchObject({ ok: true, ips: ['10.244.1.5'] });
    expect(lookupA(s, '10-244-1-5.nope.pod.cluster.local').ok).toBe(false);
  });

  it('resolves short names through the pod search path (ndots:5)', () => {
    const s = store();
    expect(resolve(s, 'web', 'default')).toEqual({ ok: true, name: 'web.default.svc.cluster.local', ips: ['10.96.12.7'] });
    expect(resolve(s, 'cart.shop', 'default')).toEqual({ ok: true, name: 'cart.shop.svc.cluster.local', ips: ['10.100.3.4'] });
    expect(resolve(s, 'kubernetes.default.svc', 'shop')).toMatchObject({ ok: true, ips: ['10.96.0.1'] });
    expect(resolve(s, 'web.default.svc.cluster.local.', 'shop')).toMatchObject({ ok: true, ips: ['10.96.12.7'] });
    expect(resolve(s, 'web', 'shop')).toEqual({
      ok: false, tried: ['web.shop.svc.cluster.local', 'web.svc.cluster.local', 'web.cluster.local', 'web'],
    });
    expect(resolve(s, '10.96.12.7', 'default')).toEqual({ ok: true, name: '10.96.12.7', ips: ['10.96.12.7'] });
  });
});

import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/testCluster.ts';

const msg = (r: { body: unknown }) => (r.body as { message?: string }).message;

describe('Endpoints and EndpointSlice storage', () => {
  const c = new TestCluster({ workers: 0 });
  it('defaults port protocol (and the slice port name)', () => {
    const [e] = c.apply({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'ext' }, subsets: [{ addresses: [{ ip: '10.0.0.5' }], ports: [{ port: 80 }] }] });
    expect((e.body as { subsets: unknown }).subsets).toEqual([{ addresses: [{ ip: '10.0.0.5' }], ports: [{ port: 80, protocol: 'TCP' }] }]);
    const [s] = c.apply({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'ext-1' }, addressType: 'IPv4', endpoints: [{ addresses: ['10.0.0.5'] }], ports: [{ port: 80 }] });
    expect(s.code).toBe(201);
    expect((s.body as { ports: unknown }).ports).toEqual([{ name: '', port: 80, protocol: 'TCP' }]);
  });
  it('validates Endpoints subsets with upstream messages', () => {
    const [r] = c.apply({
      apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'bad' },
      subsets: [{ ports: [{ port: 80 }] }, { addresses: [{ ip: '127.0.0.1' }, { ip: 'x' }], ports: [{ port: 0, protocol: 'ICMP' }, { name: 'b', port: 81 }] }],
    });
    expect(r.code).toBe(422);
    expect(msg(r)).toBe(
      'Endpoints "bad" is invalid: [subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`, ' +
        'subsets[1].addresses[0].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128), ' +
        'subsets[1].addresses[1].ip: Invalid value: "x": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff), ' +
        'subsets[1].ports[0].name: Required value, subsets[1].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive, ' +
        'subsets[1].ports[0].protocol: Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP"]',
    );
  });
  it('validates EndpointSlices with upstream messages', () => {
    const [r] = c.apply({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'bad' }, endpoints: [{ addresses: [] }], ports: [{ name: 'a', port: 1 }, { name: 'a', port: 2 }] });
    expect(msg(r)).toBe('EndpointSlice.discovery.k8s.io "bad" is invalid: [addressType: Required value, endpoints[0].addresses: Required value: must contain at least 1 address, ports[1].name: Duplicate value: "a"]');
    const [r2] = c.apply({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'bad2' }, addressType: 'IPv4', endpoints: [{ addresses: ['fe80::1', '169.254.1.1'] }] });
    expect(msg(r2)).toBe(
      'EndpointSlice.discovery.k8s.io "bad2" is invalid: [endpoints[0].addresses[0]: Invalid value: "fe80::1": must be a valid IPv4 address, endpoints[0].addresses[1]: Invalid value: "169.254.1.1": may not be in the link-local range (169.254.0.0/16, fe80::/10)]',
    );
    const [r3] = c.apply({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'bad3' }, addressType: 'IP' });
    expect(msg(r3)).toBe('EndpointSlice.discovery.k8s.io "bad3" is invalid: addressType: Unsupported value: "IP": supported values: "FQDN", "IPv4", "IPv6"');
    const many = Array.from({ length: 1001 }, (_, i) => ({ addresses: [`10.1.${i >> 8}.${(i & 255) || 1}`] }));
    const [r4] = c.apply({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'big' }, addressType: 'IPv4', endpoints: many });
    expect(msg(r4)).toBe('EndpointSlice.discovery.k8s.io "big" is invalid: endpoints: Too many: 1001: must have at most 1000 items');
  });
  it('addressType is immutable', () => {
    c.apply({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'imm' }, addressType: 'IPv4' });
    const [r] = c.apply({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'imm' }, addressType: 'FQDN' });
    expect(msg(r)).toBe('EndpointSlice.discovery.k8s.io "imm" is invalid: addressType: Invalid value: "FQDN": field is immutable');
  });
});

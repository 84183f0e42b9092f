/** metadata.generation per kind: EndpointSlice bumps on endpoints/ports/addressType/labels; Endpoints has none. */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index.ts';

type Obj = { metadata: { generation?: number; resourceVersion?: string; labels?: Record<string, string> }; [k: string]: unknown };

describe('generation', () => {
  it('EndpointSlice: +1 when endpoints or labels change, not for annotations', () => {
    const c = createCluster({ workers: 1 });
    const path = '/apis/discovery.k8s.io/v1/namespaces/default/endpointslices';
    const body = { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'manual' }, addressType: 'IPv4', endpoints: [{ addresses: ['10.244.1.9'] }], ports: [{ port: 80 }] };
    const created = c.handle({ verb: 'POST', path, body }).body as Obj;
    expect(created.metadata.generation).toBe(1);
    const put = (o: Obj) => c.handle({ verb: 'PUT', path: `${path}/manual`, body: o }).body as Obj;
    const annotated = put({ ...created, metadata: { ...created.metadata, annotations: { a: 'b' } } as Obj['metadata'] });
    expect(annotated.metadata.generation).toBe(1);
    const moved = put({ ...annotated, endpoints: [{ addresses: ['10.244.1.10'] }] });
    expect(moved.metadata.generation).toBe(2);
    const relabelled = put({ ...moved, metadata: { ...moved.metadata, labels: { x: 'y' } } });
    expect(relabelled.metadata.generation).toBe(3);
  });

  it('Endpoints carry no generation', () => {
    const c = createCluster({ workers: 1 });
    const res = c.handle({ verb: 'POST', path: '/api/v1/namespaces/default/endpoints', body: { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'manual' }, subsets: [{ addresses: [{ ip: '10.244.1.9' }], ports: [{ port: 80 }] }] } });
    expect(res.code).toBe(201);
    expect((res.body as Obj).metadata.generation).toBeUndefined();
  });
});

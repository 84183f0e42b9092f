import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../protocol/types.ts';
import { configSummaries, configUses, ingressServices, linkedPods } from './links.ts';

const pod = (name: string, spec: Record<string, unknown>, extra: Record<string, unknown> = {}, ns = 'default') =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns, labels: { app: 'web' } }, spec, ...extra }) as unknown as KubeObject;
const byKey = (resource: string, objs: KubeObject[]) => Object.fromEntries(objs.map((o) => [`${resource}/${o.metadata.namespace ?? ''}/${o.metadata.name}`, o]));

const envPod = pod('env-only', { containers: [{ name: 'c', env: [{ name: 'LEVEL', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'LEVEL' } } }] }] });
const fromPod = pod('env-from', { containers: [{ name: 'c', envFrom: [{ configMapRef: { name: 'cfg' } }, { secretRef: { name: 'db' } }] }] });
const volPod = pod('vol', { containers: [{ name: 'c', volumeMounts: [{ name: 'v', mountPath: '/etc/cfg' }] }], volumes: [{ name: 'v', configMap: { name: 'cfg' } }] });
const both = pod('both', {
  containers: [{ name: 'c', env: [{ name: 'PW', valueFrom: { secretKeyRef: { name: 'db', key: 'pw' } } }], volumeMounts: [{ name: 's', mountPath: '/etc/db' }, { name: 'c2', mountPath: '/etc/one', subPath: 'LEVEL' }] }],
  volumes: [{ name: 's', secret: { secretName: 'db' } }, { name: 'c2', configMap: { name: 'cfg' } }],
});
const other = pod('other-ns', { containers: [{ name: 'c', envFrom: [{ configMapRef: { name: 'cfg' } }] }] }, {}, 'prod');
const none = pod('none', { containers: [{ name: 'c', env: [{ name: 'A', value: '1' }] }] });
const pods = byKey('pods', [envPod, fromPod, volPod, both, other, none]);

describe('linkedPods: ConfigMaps and Secrets', () => {
  it('marks pods of the same namespace by how they use the object', () => {
    expect(linkedPods({ pods }, { kind: 'configmap', key: 'configmaps/default/cfg' })).toEqual({
      'pods/default/env-only': 'env', 'pods/default/env-from': 'env', 'pods/default/vol': 'volume', 'pods/default/both': 'volume',
    });
    expect(linkedPods({ pods }, { kind: 'secret', key: 'secrets/default/db' })).toEqual({ 'pods/default/env-from': 'env', 'pods/default/both': 'env+volume' });
    expect(linkedPods({ pods }, { kind: 'configmap', key: 'configmaps/prod/cfg' })).toEqual({ 'pods/prod/other-ns': 'env' });
    expect(linkedPods({ pods }, { kind: 'configmap', key: 'configmaps/default/nope' })).toEqual({});
  });
  it('configUses names the variables and mount paths', () => {
    expect(configUses(both, 'secret', 'db')).toEqual([{ container: 'c', via: 'env', detail: 'PW' }, { container: 'c', via: 'volume', detail: '/etc/db' }]);
    expect(configUses(both, 'configmap', 'cfg')).toEqual([{ container: 'c', via: 'volume', detail: '/etc/one (subPath LEVEL)' }]);
    expect(configUses(fromPod, 'configmap', 'cfg')).toEqual([{ container: 'c', via: 'env', detail: 'envFrom' }]);
  });
  it('is empty without a selection or for pods and nodes', () => {
    expect(linkedPods({ pods }, undefined)).toEqual({});
    expect(linkedPods({ pods }, { kind: 'pod', key: 'pods/default/vol' })).toEqual({});
  });
});

const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } } as unknown as KubeObject;
const slice = (name: string, eps: { pod: string; ready?: boolean | null }[]) => ({
  apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name, namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } },
  addressType: 'IPv4', endpoints: eps.map((e) => ({ addresses: ['10.244.1.2'], conditions: { ready: e.ready }, targetRef: { kind: 'Pod', name: e.pod, namespace: 'default' } })),
}) as unknown as KubeObject;

describe('linkedPods: Services and Ingresses', () => {
  it('a Service: its EndpointSlices\' pods, ready or not (nil ready counts as ready)', () => {
    const slices = byKey('endpointslices.discovery.k8s.io', [slice('web-abc', [{ pod: 'a', ready: true }, { pod: 'b', ready: false }, { pod: 'c', ready: null }])]);
    expect(linkedPods({ pods, services: byKey('services', [svc]), 'endpointslices.discovery.k8s.io': slices }, { kind: 'service', key: 'services/default/web' }))
      .toEqual({ 'pods/default/a': 'endpoint', 'pods/default/b': 'endpoint-not-ready', 'pods/default/c': 'endpoint' });
  });
  it('no slice yet: the selector\'s pods (ready by their Ready condition)', () => {
    const ready = pod('r', { containers: [] }, { status: { conditions: [{ type: 'Ready', status: 'True' }] } });
    const p = byKey('pods', [ready, none]);
    expect(linkedPods({ pods: p, services: byKey('services', [svc]) }, { kind: 'service', key: 'services/default/web' }))
      .toEqual({ 'pods/default/r': 'endpoint', 'pods/default/none': 'endpoint-not-ready' });
  });
  it('an Ingress: the endpoints of every backend Service', () => {
    const ing = { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'shop', namespace: 'default' },
      spec: { defaultBackend: { service: { name: 'web', port: { number: 80 } } }, rules: [{ host: 'shop.example', http: { paths: [{ path: '/api', pathType: 'Prefix', backend: { service: { name: 'api', port: { number: 80 } } } }] } }] } } as unknown as KubeObject;
    expect(ingressServices(ing)).toEqual(['web', 'api']);
    const apiSlice = { ...slice('api-x', [{ pod: 'd', ready: true }]), metadata: { name: 'api-x', namespace: 'default', labels: { 'kubernetes.io/service-name': 'api' } } } as KubeObject;
    const slices = byKey('endpointslices.discovery.k8s.io', [slice('web-abc', [{ pod: 'a', ready: true }]), apiSlice]);
    expect(linkedPods({ pods, 'endpointslices.discovery.k8s.io': slices, 'ingresses.networking.k8s.io': byKey('ingresses.networking.k8s.io', [ing]) }, { kind: 'ingress', key: 'ingresses.networking.k8s.io/default/shop' }))
      .toEqual({ 'pods/default/a': 'endpoint', 'pods/default/d': 'endpoint' });
  });
});

describe('configSummaries', () => {
  it('lists user ConfigMaps and Secrets with key and pod counts, leaving system ones out', () => {
    const cm = (name: string, ns: string, data: object) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns }, data }) as unknown as KubeObject;
    const sec = (name: string, extra: object) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: 'default' }, ...extra }) as unknown as KubeObject;
    const byResource = {
      pods,
      configmaps: byKey('configmaps', [cm('cfg', 'default', { LEVEL: 'x', MODE: 'y' }), cm('kube-root-ca.crt', 'default', { 'ca.crt': '-' }), cm('coredns', 'kube-system', { Corefile: '.' }), cm('cfg', 'prod', {})]),
      secrets: byKey('secrets', [sec('db', { data: { pw: 'eA==' }, stringData: { user: 'a', pw: 'b' } }), sec('tok', { type: 'kubernetes.io/service-account-token', data: {} })]),
    };
    expect(configSummaries(byResource).map((s) => [s.key, s.keys, s.pods])).toEqual([
      ['configmaps/default/cfg', 2, 4], ['secrets/default/db', 2, 2], ['configmaps/prod/cfg', 0, 1],
    ]);
  });
});

/**
 * The EndpointSlice mirroring controller: Endpoints written by hand for a Service without a
 * selector are mirrored into EndpointSlices, so kube-proxy (which reads only slices) routes to
 * them. Mirrors pkg/controller/endpointslicemirroring (endpointslicemirroring_controller.go
 * shouldMirror/syncEndpoints, utils.go newEndpointSlice/addressToEndpoint). Started with the
 * EndpointSlice controller (its own queue); simplified: one slice per distinct port set, no
 * 1000-address cap.
 */
import type { ComponentContext } from '../../component.ts';
import type { KubeObject } from '../../types.ts';
import type { WatchEvent } from '../../apiserver/types.ts';
import { WorkQueue } from '../replicaset/workqueue.ts';
import { newControllerRef } from '../podutil.ts';
import { LABEL_MANAGED_BY, LABEL_SERVICE_NAME, portMapKey, serviceSelector, type Endpoint, type EndpointPort, type V1EndpointSlice, type V1Service } from './utils.ts';
import { metaNamespaceKey } from '../controllerUtils.ts';

export const MIRRORING_CONTROLLER_NAME = 'endpointslicemirroring-controller.k8s.io';
const SKIP_MIRROR = 'endpointslice.kubernetes.io/skip-mirror';
const LEADER_ANNOTATION = 'control-plane.alpha.kubernetes.io/leader';
const SLICES = '/apis/discovery.k8s.io/v1';
const USER_AGENT = 'kube-controller-manager/v1.34.0';

type Address = { ip: string; hostname?: string; nodeName?: string; targetRef?: Endpoint['targetRef'] };
type Subset = { addresses?: Address[]; notReadyAddresses?: Address[]; ports?: { name?: string; port: number; protocol?: string; appProtocol?: string }[] };
type V1Endpoints = KubeObject & { subsets?: Subset[] };

/** addressToEndpoint: the address, `ready` only, its targetRef, node and hostname. */
function addressToEndpoint(a: Address, ready: boolean): Endpoint {
  const ep: Endpoint = { addresses: [a.ip], conditions: { ready } };
  if (a.hostname) ep.hostname = a.hostname;
  if (a.nodeName) ep.nodeName = a.nodeName;
  if (a.targetRef) ep.targetRef = a.targetRef;
  return ep;
}

/** The slices an Endpoints object mirrors to (without names): one per distinct port set. */
export function desiredMirrorSlices(e: V1Endpoints): V1EndpointSlice[] {
  const byPorts = new Map<string, V1EndpointSlice>();
  const labels: Record<string, string> = { ...(e.metadata.labels ?? {}), [LABEL_SERVICE_NAME]: e.metadata.name, [LABEL_MANAGED_BY]: MIRRORING_CONTROLLER_NAME };
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(e.metadata.annotations ?? {})) {
    if (k !== 'endpoints.kubernetes.io/last-change-trigger-time' && k !== 'kubectl.kubernetes.io/last-applied-configuration') annotations[k] = v;
  }
  for (const ss of e.subsets ?? []) {
    const ports: EndpointPort[] = (ss.ports ?? []).map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP', ...(p.appProtocol !== undefined ? { appProtocol: p.appProtocol } : {}) }));
    const k = portMapKey(ports);
    let s = byPorts.get(k);
    if (!s) {
      s = {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: {
          generateName: `${e.metadata.name}-`,
          namespace: e.metadata.namespace,
          labels,
          ...(Object.keys(annotations).length ? { annotations } : {}),
          ownerReferences: [newControllerRef(e, 'v1', 'Endpoints')],
        },
        addressType: 'IPv4',
        endpoints: [],
        ports,
      } as unknown as V1EndpointSlice;
      byPorts.set(k, s);
    }
    for (const a of ss.addresses ?? []) if (!a.ip.includes(':')) s.endpoints!.push(addressToEndpoint(a, true));
    for (const a of ss.notReadyAddresses ?? []) if (!a.ip.includes(':')) s.endpoints!.push(addressToEndpoint(a, false));
  }
  return [...byPorts.values()];
}

/** Starts the mirroring controller (inside kube-controller-manager). */
export function startEndpointSliceMirroringController(ctx: ComponentContext): void {
  const services = ctx.informer<V1Service>('/api/v1/services', undefined, { traced: () => false });
  const endpoints = ctx.informer<V1Endpoints>('/api/v1/endpoints', undefined, {
    traced: (_t, e) => !e.metadata.labels?.[SKIP_MIRROR] && !e.metadata.labels?.['endpoints.kubernetes.io/managed-by'],
  });
  const slices = ctx.informer<V1EndpointSlice>(`${SLICES}/endpointslices`, undefined, { traced: () => false });
  const causes = new Map<string, number>();
  const queue = new WorkQueue(ctx.clock, (key) => (sync(key) ? queue.forget(key) : queue.addRateLimited(key)));
  const enqueue = (key: string, ev?: WatchEvent<unknown>) => {
    if (ev?.spanId) causes.set(key, ev.spanId);
    queue.add(key);
  };
  const mirrored = (s: V1EndpointSlice) => s.metadata.labels?.[LABEL_MANAGED_BY] === MIRRORING_CONTROLLER_NAME;
  // Only Services without a selector can have mirrored Endpoints; the others' changes matter only
  // when a selector comes or goes (their slices are then deleted).
  services.addEventHandler({
    add: (s) => void (!serviceSelector(s) && endpoints.get(metaNamespaceKey(s)) && queue.add(metaNamespaceKey(s))),
    update: (o, s) => void (!!serviceSelector(o) !== !!serviceSelector(s) && queue.add(metaNamespaceKey(s))),
    delete: (s) => void (slices.list().some((x) => mirrored(x) && x.metadata.namespace === s.metadata.namespace && x.metadata.labels?.[LABEL_SERVICE_NAME] === s.metadata.name) && queue.add(metaNamespaceKey(s))),
  });
  // Endpoints marked skip-mirror (the `kubernetes` one) or made by the Endpoints controller are
  // not queued unless slices mirrored from them remain.
  const hasMirrors = (key: string) => slices.list().some((x) => mirrored(x) && metaNamespaceKey({ metadata: { namespace: x.metadata.namespace, name: x.metadata.labels?.[LABEL_SERVICE_NAME] ?? '' } } as KubeObject) === key);
  const onEndpoints = (e: V1Endpoints, ev: WatchEvent<V1Endpoints>) => {
    const skip = e.metadata.labels?.[SKIP_MIRROR] === 'true' || e.metadata.labels?.['endpoints.kubernetes.io/managed-by'] === 'endpoint-controller';
    if (!skip || hasMirrors(metaNamespaceKey(e))) enqueue(metaNamespaceKey(e), ev);
  };
  endpoints.addEventHandler({ add: onEndpoints, update: (_o, e, ev) => onEndpoints(e, ev), delete: onEndpoints });
  /** Our writes not yet seen by the slice informer (slice key → owner key, resourceVersion; 0 = deleted). */
  const expected = new Map<string, { owner: string; rv: number }>();
  const seen = (s: V1EndpointSlice, deleted: boolean) => {
    const exp = expected.get(metaNamespaceKey(s));
    if (exp && (deleted ? exp.rv === 0 : exp.rv !== 0 && Number(s.metadata.resourceVersion) >= exp.rv)) expected.delete(metaNamespaceKey(s));
  };
  slices.addEventHandler({
    add: (s) => seen(s, false),
    update: (_o, s) => seen(s, false),
    delete: (s) => {
      seen(s, true);
      const owner = `${s.metadata.namespace}/${s.metadata.labels?.[LABEL_SERVICE_NAME]}`;
      if (mirrored(s) && endpoints.get(owner)) queue.add(owner);
    },
  });

  /** shouldMirror: a Service without a selector, Endpoints not marked skip-mirror (nor a leader lock). */
  const shouldMirror = (e: V1Endpoints | undefined, svc: V1Service | undefined) =>
    !!e && !!svc && !serviceSelector(svc) && e.metadata.labels?.[SKIP_MIRROR] !== 'true' && !e.metadata.annotations?.[LEADER_ANNOTATION];

  function sync(key: string): boolean {
    const cause = causes.get(key);
    causes.delete(key);
    const [ns, name] = key.split('/') as [string, string];
    const e = endpoints.get(key);
    for (const x of expected.values()) {
      if (x.owner !== key) continue;
      if (cause && !causes.has(key)) causes.set(key, cause); // the slice cache has not caught up: retry, same cause
      return false;
    }
    const existing = slices.list().filter((s) => mirrored(s) && s.metadata.namespace === ns && s.metadata.labels?.[LABEL_SERVICE_NAME] === name);
    const desired = shouldMirror(e, services.get(key)) ? desiredMirrorSlices(e!) : [];
    const base = `${SLICES}/namespaces/${ns}/endpointslices`;
    let ok = true;
    const left = [...existing];
    for (const want of desired) {
      const i = left.findIndex((s) => portMapKey(s.ports) === portMapKey(want.ports));
      if (i < 0) {
        const r = ctx.request({ verb: 'POST', path: base, body: want, causeId: cause, userAgent: USER_AGENT });
        if (r.code < 300) expected.set(metaNamespaceKey(r.body as KubeObject), { owner: key, rv: Number((r.body as KubeObject).metadata.resourceVersion) });
        else ok = false;
        continue;
      }
      const cur = left.splice(i, 1)[0]!;
      const same = JSON.stringify([cur.endpoints ?? [], cur.metadata.labels, cur.metadata.annotations ?? {}]) === JSON.stringify([want.endpoints, want.metadata.labels, want.metadata.annotations ?? {}]);
      if (same) continue;
      const body = { ...cur, metadata: { ...cur.metadata, labels: want.metadata.labels, annotations: want.metadata.annotations }, endpoints: want.endpoints, ports: want.ports };
      if (!body.metadata.annotations) delete body.metadata.annotations;
      const r = ctx.request({ verb: 'PUT', path: `${base}/${cur.metadata.name}`, body, causeId: cause, userAgent: USER_AGENT });
      if (r.code < 300) expected.set(metaNamespaceKey(cur), { owner: key, rv: Number((r.body as KubeObject).metadata.resourceVersion) });
      else ok = false;
    }
    for (const s of left) {
      const code = ctx.request({ verb: 'DELETE', path: `${base}/${s.metadata.name}`, causeId: cause, userAgent: USER_AGENT }).code;
      if (code < 300) expected.set(metaNamespaceKey(s), { owner: key, rv: 0 });
      else if (code !== 404) ok = false;
    }
    return ok;
  }
}

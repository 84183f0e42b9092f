/**
 * Pod → endpoint helpers shared by the EndpointSlice and Endpoints controllers. Mirrors
 * staging k8s.io/endpointslice utils.go (podToEndpoint, getEndpointPorts, newEndpointSlice,
 * setEndpointSliceLabels, FindPort, getSliceToFill) and util/controller_utils.go
 * (ShouldPodBeInEndpoints, ShouldSetHostname).
 */
import type { KubeObject } from '../../types.ts';
import { isPodReady, isPodTerminal, newControllerRef } from '../podutil.ts';

type Obj = Record<string, unknown>;

export const LABEL_SERVICE_NAME = 'kubernetes.io/service-name';
export const LABEL_MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
export const CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
export const LABEL_HEADLESS = 'service.kubernetes.io/headless';
export const ANNOTATION_TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';
/** MaxEndpointsPerSlice default (pkg/controller/endpointslice/config/v1alpha1/defaults.go). */
export const MAX_ENDPOINTS_PER_SLICE = 100;

export interface ServicePort {
  name?: string;
  protocol?: string;
  port: number;
  targetPort?: number | string;
  nodePort?: number;
  appProtocol?: string;
}

export interface V1Service extends KubeObject {
  spec?: {
    selector?: Record<string, string> | null;
    ports?: ServicePort[];
    clusterIP?: string;
    clusterIPs?: string[];
    type?: string;
    publishNotReadyAddresses?: boolean;
    sessionAffinity?: string;
    sessionAffinityConfig?: { clientIP?: { timeoutSeconds?: number } };
    externalIPs?: string[];
  };
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
}

export interface V1Pod extends KubeObject {
  spec?: {
    nodeName?: string;
    hostname?: string;
    subdomain?: string;
    containers?: { name: string; ports?: { name?: string; containerPort: number; protocol?: string }[] }[];
    initContainers?: { name: string; restartPolicy?: string; ports?: { name?: string; containerPort: number; protocol?: string }[] }[];
  };
  status?: { phase?: string; podIP?: string; podIPs?: { ip: string }[]; conditions?: { type: string; status: string; lastTransitionTime?: string }[] };
}

export interface EndpointPort {
  name: string;
  port: number;
  protocol: string;
  appProtocol?: string;
}

export interface Endpoint {
  addresses: string[];
  conditions: { ready?: boolean; serving?: boolean; terminating?: boolean };
  hostname?: string;
  nodeName?: string;
  targetRef?: { kind: string; namespace?: string; name: string; uid?: string };
  zone?: string;
}

export interface V1EndpointSlice extends KubeObject {
  addressType: string;
  endpoints: Endpoint[] | null;
  ports: EndpointPort[] | null;
}

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The Service's selector, or undefined when it has none (nil in Go; `{}` round-trips to nil). */
export function serviceSelector(svc: V1Service): Record<string, string> | undefined {
  const sel = svc.spec?.selector;
  return isObj(sel) && Object.keys(sel).length > 0 ? (sel as Record<string, string>) : undefined;
}

/** labels.Set(selector).AsSelectorPreValidated().Matches: every key equal. */
export function selectorMatches(sel: Record<string, string>, labels: Record<string, string> | undefined): boolean {
  for (const [k, v] of Object.entries(sel)) if (labels?.[k] !== v) return false;
  return true;
}

/** isServiceIPSet: a ClusterIP that is neither empty nor None. */
export function isServiceIPSet(svc: V1Service): boolean {
  const ip = svc.spec?.clusterIP;
  return !!ip && ip !== 'None';
}

/** The pod's IPv4 addresses (status.podIPs, else status.podIP). */
export function podIPv4s(pod: V1Pod): string[] {
  const ips = pod.status?.podIPs?.length ? pod.status.podIPs.map((p) => p.ip) : pod.status?.podIP ? [pod.status.podIP] : [];
  return ips.filter((ip) => !ip.includes(':'));
}

/**
 * ShouldPodBeInEndpoints: not terminal, has an IP, and (unless `includeTerminating`) not being
 * deleted. The EndpointSlice controller passes true; the Endpoints controller passes
 * publishNotReadyAddresses.
 */
export function shouldPodBeInEndpoints(pod: V1Pod, includeTerminating: boolean): boolean {
  if (isPodTerminal(pod)) return false;
  if (!pod.status?.podIP && !pod.status?.podIPs?.length) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  return true;
}

/** ShouldSetHostname: the pod names this Service as its subdomain and has a hostname. */
export function shouldSetHostname(pod: V1Pod, svc: V1Service): boolean {
  return !!pod.spec?.hostname && pod.spec.subdomain === svc.metadata.name && svc.metadata.namespace === pod.metadata.namespace;
}

/**
 * FindPort: a numeric targetPort as is; a named one from the pod's containerPorts (and restartable
 * init containers) with the same protocol. undefined = "no suitable port for manifest".
 */
export function findPort(pod: V1Pod, sp: ServicePort): number | undefined {
  const tp = sp.targetPort ?? sp.port;
  if (typeof tp === 'number') return tp;
  if (/^[0-9]+$/.test(tp)) return Number(tp);
  const proto = sp.protocol ?? 'TCP';
  for (const c of pod.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.name === tp && (p.protocol ?? 'TCP') === proto) return p.containerPort;
  for (const c of pod.spec?.initContainers ?? []) {
    if (c.restartPolicy !== 'Always') continue;
    for (const p of c.ports ?? []) if (p.name === tp && (p.protocol ?? 'TCP') === proto) return p.containerPort;
  }
  return undefined;
}

/** getEndpointPorts: one EndpointPort per Service port whose target resolves on this pod. */
export function getEndpointPorts(svc: V1Service, pod: V1Pod): EndpointPort[] {
  const out: EndpointPort[] = [];
  for (const sp of svc.spec?.ports ?? []) {
    const n = findPort(pod, sp);
    if (n === undefined) continue;
    const ep: EndpointPort = { name: sp.name ?? '', port: n, protocol: sp.protocol ?? 'TCP' };
    if (sp.appProtocol !== undefined) ep.appProtocol = sp.appProtocol;
    out.push(ep);
  }
  return out;
}

/** NewPortMapKey: order-insensitive identity of a port list. */
export function portMapKey(ports: EndpointPort[] | null | undefined): string {
  return (ports ?? []).map((p) => `${p.name}/${p.port}/${p.protocol}/${p.appProtocol ?? ''}`).sort().join(',');
}

/** podToEndpoint: conditions serving = Ready, terminating = being deleted, ready = publishNotReady || (serving && !terminating). */
export function podToEndpoint(pod: V1Pod, svc: V1Service): Endpoint {
  const serving = isPodReady(pod);
  const terminating = !!pod.metadata.deletionTimestamp;
  const ready = svc.spec?.publishNotReadyAddresses === true || (serving && !terminating);
  const ep: Endpoint = {
    addresses: podIPv4s(pod),
    conditions: { ready, serving, terminating },
  };
  if (shouldSetHostname(pod, svc)) ep.hostname = pod.spec!.hostname;
  if (pod.spec?.nodeName) ep.nodeName = pod.spec.nodeName;
  ep.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid };
  return ep;
}

/** The EndpointSet hash: addresses and the pod it points at (conditions are compared separately). */
export function endpointKey(ep: Endpoint): string {
  return `${[...ep.addresses].sort().join(',')}|${ep.targetRef?.namespace ?? ''}/${ep.targetRef?.name ?? ''}|${ep.hostname ?? ''}`;
}

/** setEndpointSliceLabels: the Service's labels minus the reserved ones, plus headless, service-name, managed-by. */
export function endpointSliceLabels(svc: V1Service): Record<string, string> {
  const reserved = new Set([LABEL_SERVICE_NAME, LABEL_MANAGED_BY, LABEL_HEADLESS]);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(svc.metadata.labels ?? {})) if (!reserved.has(k)) out[k] = v;
  if (!isServiceIPSet(svc)) out[LABEL_HEADLESS] = '';
  out[LABEL_SERVICE_NAME] = svc.metadata.name;
  out[LABEL_MANAGED_BY] = CONTROLLER_NAME;
  return out;
}

/** newEndpointSlice: generateName `<svc>-`, labels, controller ownerReference to the Service. */
export function newEndpointSlice(svc: V1Service, ports: EndpointPort[]): V1EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      generateName: `${svc.metadata.name}-`,
      namespace: svc.metadata.namespace,
      labels: endpointSliceLabels(svc),
      ownerReferences: [newControllerRef(svc, 'v1', 'Service')],
    },
    addressType: 'IPv4',
    endpoints: [],
    ports,
  } as unknown as V1EndpointSlice;
}

/** ownedBy: an ownerReference to this Service (v1, by UID). */
export function ownedBy(slice: KubeObject, svc: V1Service): boolean {
  return ((slice.metadata.ownerReferences ?? []) as { uid?: string; kind?: string; apiVersion?: string }[]).some((o) => o.uid === svc.metadata.uid && o.kind === 'Service' && o.apiVersion === 'v1');
}

/** getSliceToFill: the slice that ends closest to full after adding `n` endpoints. */
export function getSliceToFill<T extends { endpoints: Endpoint[] | null }>(slices: T[], n: number, max: number): T | undefined {
  let closestDiff = max;
  let closest: T | undefined;
  for (const s of slices) {
    const diff = max - (n + (s.endpoints?.length ?? 0));
    if (diff >= 0 && diff < closestDiff) {
      closestDiff = diff;
      closest = s;
      if (diff === 0) return s;
    }
  }
  return closest;
}

/** The Ready condition's lastTransitionTime (getPodTriggerTime). */
export function podTriggerTime(pod: V1Pod): string | undefined {
  return pod.status?.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime;
}

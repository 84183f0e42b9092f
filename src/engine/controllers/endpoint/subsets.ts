/**
 * The legacy Endpoints object's subsets. Mirrors pkg/controller/endpoint/endpoints_controller.go
 * (podToEndpointAddressForService, addEndpointSubset, truncateEndpoints, maxCapacity) and
 * pkg/api/v1/endpoints/util.go (RepackSubsets, SortSubsets).
 */
import { isPodReady } from '../podutil.ts';
import { findPort, podIPv4s, shouldPodBeInEndpoints, shouldSetHostname, type V1Pod, type V1Service } from '../endpointslice/utils.ts';

/** maxCapacity: more addresses than this are truncated (annotation over-capacity: truncated). */
export const MAX_CAPACITY = 1000;

export interface EndpointAddress {
  ip: string;
  hostname?: string;
  nodeName?: string;
  targetRef?: { kind: string; namespace?: string; name: string; uid?: string };
}
export interface EndpointsPort {
  name?: string;
  port: number;
  protocol: string;
  appProtocol?: string;
}
export interface EndpointSubset {
  addresses?: EndpointAddress[];
  notReadyAddresses?: EndpointAddress[];
  ports?: EndpointsPort[];
}

const portKey = (p: EndpointsPort) => `${p.name ?? ''}/${p.port}/${p.protocol}/${p.appProtocol ?? ''}`;

/**
 * The subsets for a Service's selected pods: ready pods (or all, with publishNotReadyAddresses) in
 * `addresses`, the others in `notReadyAddresses`; terminating pods left out unless
 * publishNotReadyAddresses. Repacked: addresses with the same ports share a subset.
 */
export function computeSubsets(svc: V1Service, pods: V1Pod[]): EndpointSubset[] {
  const tolerate = svc.spec?.publishNotReadyAddresses === true;
  const byAddr = new Map<string, { addr: EndpointAddress; ready: boolean; ports: Map<string, EndpointsPort> }>();
  const svcPorts = svc.spec?.ports ?? [];
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, tolerate)) continue;
    const ip = podIPv4s(pod)[0];
    if (!ip) continue;
    const addr: EndpointAddress = { ip };
    if (shouldSetHostname(pod, svc)) addr.hostname = pod.spec!.hostname;
    if (pod.spec?.nodeName) addr.nodeName = pod.spec.nodeName;
    addr.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid };
    const ready = tolerate || isPodReady(pod);
    const entry = { addr, ready, ports: new Map<string, EndpointsPort>() };
    if (svcPorts.length === 0) {
      // "Allow headless service not to have ports."
      if (svc.spec?.clusterIP !== 'None') continue;
    } else {
      for (const sp of svcPorts) {
        const n = findPort(pod, sp);
        if (n === undefined) continue;
        const epp: EndpointsPort = { port: n, protocol: sp.protocol ?? 'TCP' };
        if (sp.name) epp.name = sp.name;
        if (sp.appProtocol !== undefined) epp.appProtocol = sp.appProtocol;
        entry.ports.set(portKey(epp), epp);
      }
      if (entry.ports.size === 0) continue;
    }
    byAddr.set(`${ip}|${pod.metadata.uid ?? ''}`, entry);
  }
  // RepackSubsets: one subset per distinct port set; SortSubsets: addresses by IP then UID.
  const groups = new Map<string, EndpointSubset>();
  for (const e of byAddr.values()) {
    const ports = [...e.ports.values()].sort((a, b) => portKey(a).localeCompare(portKey(b)));
    const k = ports.map(portKey).join(',');
    let g = groups.get(k);
    if (!g) groups.set(k, (g = ports.length ? { ports } : {}));
    const list = e.ready ? (g.addresses ??= []) : (g.notReadyAddresses ??= []);
    list.push(e.addr);
  }
  const byIP = (a: EndpointAddress, b: EndpointAddress) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : (a.targetRef?.uid ?? '').localeCompare(b.targetRef?.uid ?? ''));
  const out = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, g]) => g);
  for (const g of out) {
    g.addresses?.sort(byIP);
    g.notReadyAddresses?.sort(byIP);
  }
  // Field order as the API returns it: addresses, notReadyAddresses, ports.
  return out.map((g) => ({ ...(g.addresses ? { addresses: g.addresses } : {}), ...(g.notReadyAddresses ? { notReadyAddresses: g.notReadyAddresses } : {}), ...(g.ports ? { ports: g.ports } : {}) }));
}

/**
 * truncateEndpoints: past MAX_CAPACITY addresses, keep ready addresses first, spreading the
 * budget over the subsets in proportion (rounded up). Returns whether it truncated.
 */
export function truncateEndpoints(subsets: EndpointSubset[]): boolean {
  let totalReady = 0;
  let totalNotReady = 0;
  for (const s of subsets) {
    totalReady += s.addresses?.length ?? 0;
    totalNotReady += s.notReadyAddresses?.length ?? 0;
  }
  if (totalReady + totalNotReady <= MAX_CAPACITY) return false;
  const truncateReady = totalReady > MAX_CAPACITY;
  const max = truncateReady ? MAX_CAPACITY : MAX_CAPACITY - totalReady;
  const numTotal = truncateReady ? totalReady : totalNotReady;
  let canBeAdded = max;
  for (const s of subsets) {
    const inSubset = truncateReady ? (s.addresses?.length ?? 0) : (s.notReadyAddresses?.length ?? 0);
    const toBeAdded = Math.min(Math.ceil((inSubset / numTotal) * max), canBeAdded);
    if (truncateReady) {
      s.addresses = (s.addresses ?? []).slice(0, toBeAdded);
      delete s.notReadyAddresses;
      canBeAdded -= s.addresses.length;
    } else {
      s.notReadyAddresses = (s.notReadyAddresses ?? []).slice(0, toBeAdded);
      canBeAdded -= s.notReadyAddresses.length;
    }
  }
  return true;
}

/** How many addresses the subsets hold (ready and not). */
export function countAddresses(subsets: EndpointSubset[] | undefined): number {
  return (subsets ?? []).reduce((n, s) => n + (s.addresses?.length ?? 0) + (s.notReadyAddresses?.length ?? 0), 0);
}

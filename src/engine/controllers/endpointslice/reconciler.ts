/**
 * The EndpointSlice reconciler: from a Service, its pods and its existing slices, which slices to
 * create, update and delete. Mirrors staging k8s.io/endpointslice reconciler.go
 * (reconcileByAddressType, reconcileByPortMapping, the placeholder slice, finalize's
 * create→update recycling). IPv4 only; no topology hints.
 */
import { clone } from '../../api/equal.ts';
import {
  endpointKey,
  endpointSliceLabels,
  getEndpointPorts,
  getSliceToFill,
  newEndpointSlice,
  ownedBy,
  podToEndpoint,
  portMapKey,
  shouldPodBeInEndpoints,
  type Endpoint,
  type EndpointPort,
  type V1EndpointSlice,
  type V1Pod,
  type V1Service,
} from './utils.ts';

export interface SlicePlan {
  create: V1EndpointSlice[];
  update: V1EndpointSlice[];
  delete: V1EndpointSlice[];
  /** Pods skipped because their Node does not exist (the sync is retried: errNodeNotFound). */
  missingNodes?: string[];
}

/** The Node a pod runs on, as the controller's Node informer knows it (labels for the zone). */
export type NodeLookup = (name: string) => { metadata: { labels?: Record<string, string> } } | undefined;

const sameLabels = (a: Record<string, string> | undefined, b: Record<string, string>) => {
  const ak = Object.keys(a ?? {});
  return ak.length === Object.keys(b).length && ak.every((k) => a![k] === b[k]);
};
/** EndpointsEqualBeyondHash: conditions, node, hostname, zone, targetRef. */
const sameEndpoint = (a: Endpoint, b: Endpoint) =>
  a.conditions?.ready === b.conditions?.ready &&
  a.conditions?.serving === b.conditions?.serving &&
  a.conditions?.terminating === b.conditions?.terminating &&
  a.nodeName === b.nodeName &&
  a.zone === b.zone &&
  a.hostname === b.hostname &&
  a.targetRef?.kind === b.targetRef?.kind &&
  a.targetRef?.uid === b.targetRef?.uid;

/**
 * reconcile: `existing` are the slices labelled for this Service and managed by the controller.
 * The desired endpoints are grouped by their resolved ports (pods whose named targetPorts resolve
 * differently land in different slices); each group reuses its existing slices first.
 */
export function reconcile(svc: V1Service, pods: V1Pod[], existing: V1EndpointSlice[], max: number, nodeOf?: NodeLookup): SlicePlan {
  const plan: SlicePlan = { create: [], update: [], delete: [] };
  const missing: string[] = [];
  const existingByPorts = new Map<string, V1EndpointSlice[]>();
  for (const s of existing) {
    if (s.addressType !== 'IPv4' || !ownedBy(s, svc)) {
      plan.delete.push(s);
      continue;
    }
    const k = portMapKey(s.ports);
    existingByPorts.set(k, [...(existingByPorts.get(k) ?? []), s]);
  }
  const desired = new Map<string, { ports: EndpointPort[]; eps: Map<string, Endpoint> }>();
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ports = getEndpointPorts(svc, pod);
    const ep = podToEndpoint(pod, svc);
    if (nodeOf && pod.spec?.nodeName) {
      const node = nodeOf(pod.spec.nodeName);
      // A pod on a Node that does not exist is left out (unless addresses are published anyway).
      if (!node && svc.spec?.publishNotReadyAddresses !== true) {
        missing.push(pod.metadata.name);
        continue;
      }
      const zone = node?.metadata.labels?.['topology.kubernetes.io/zone'];
      if (zone) ep.zone = zone;
    }
    if (ep.addresses.length === 0) continue;
    const k = portMapKey(ports);
    let g = desired.get(k);
    if (!g) desired.set(k, (g = { ports, eps: new Map() }));
    g.eps.set(endpointKey(ep), ep);
  }
  for (const [k, g] of desired) {
    const r = reconcileByPortMapping(svc, existingByPorts.get(k) ?? [], g.eps, g.ports, max);
    plan.create.push(...r.create);
    plan.update.push(...r.update);
    plan.delete.push(...r.delete);
  }
  for (const [k, slices] of existingByPorts) if (!desired.has(k)) plan.delete.push(...slices);

  // "When no endpoint slices would usually exist, we need to add a placeholder."
  if (existing.length === plan.delete.length && plan.create.length === 0) {
    const placeholder = newEndpointSlice(svc, []);
    const only = plan.delete.length === 1 ? plan.delete[0] : undefined;
    if (only && isPlaceholderFor(only, placeholder)) plan.delete = [];
    else plan.create.push(placeholder);
  }

  if (missing.length) plan.missingNodes = missing;
  // finalize: a create paired with a delete becomes an update of the slice to delete.
  for (let i = 0; i < plan.delete.length && plan.create.length > 0; ) {
    const del = plan.delete[i];
    if (del.addressType === 'IPv4' && ownedBy(del, svc)) {
      const slice = plan.create.pop()!;
      const recycled = clone(del) as V1EndpointSlice;
      recycled.metadata.labels = slice.metadata.labels;
      recycled.endpoints = slice.endpoints;
      recycled.ports = slice.ports;
      plan.update.push(recycled);
      plan.delete.splice(i, 1);
    } else i++;
  }
  return plan;
}

/** placeholderSliceCompare: namespace, labels, owner, no endpoints, no ports. */
function isPlaceholderFor(s: V1EndpointSlice, p: V1EndpointSlice): boolean {
  if (s.metadata.namespace !== p.metadata.namespace) return false;
  if (!sameLabels(s.metadata.labels, p.metadata.labels ?? {})) return false;
  if (JSON.stringify(s.metadata.ownerReferences) !== JSON.stringify(p.metadata.ownerReferences)) return false;
  return (s.endpoints?.length ?? 0) === 0 && (s.ports?.length ?? 0) === 0 && s.addressType === p.addressType;
}

function reconcileByPortMapping(svc: V1Service, existing: V1EndpointSlice[], desired: Map<string, Endpoint>, ports: EndpointPort[], max: number): SlicePlan {
  const byName = new Map<string, V1EndpointSlice>();
  const unchanged: string[] = [];
  const toUpdate: string[] = [];
  const toDelete: V1EndpointSlice[] = [];
  const labels = endpointSliceLabels(svc);
  // 1. Drop endpoints no longer desired, refresh the ones that changed.
  for (const s of existing) {
    byName.set(s.metadata.name, s);
    const kept: Endpoint[] = [];
    let changed = false;
    for (const ep of s.endpoints ?? []) {
      const k = endpointKey(ep);
      const want = desired.get(k);
      if (!want) continue;
      kept.push(want);
      if (!sameEndpoint(want, ep)) changed = true;
      desired.delete(k);
    }
    const labelsChanged = !sameLabels(s.metadata.labels, labels);
    if (changed || kept.length !== (s.endpoints?.length ?? 0)) {
      if (kept.length === 0) toDelete.push(s);
      else {
        const copy = clone(s) as V1EndpointSlice;
        copy.endpoints = kept;
        copy.metadata.labels = labels;
        byName.set(s.metadata.name, copy);
        toUpdate.push(s.metadata.name);
      }
    } else if (labelsChanged) {
      const copy = clone(s) as V1EndpointSlice;
      copy.metadata.labels = labels;
      byName.set(s.metadata.name, copy);
      toUpdate.push(s.metadata.name);
    } else unchanged.push(s.metadata.name);
  }
  const remaining = [...desired.values()];
  // 2. Fill the slices being updated anyway, fullest first.
  if (remaining.length > 0 && toUpdate.length > 0) {
    const slices = toUpdate.map((n) => byName.get(n)!).sort((a, b) => (b.endpoints?.length ?? 0) - (a.endpoints?.length ?? 0));
    for (const s of slices) while (remaining.length > 0 && (s.endpoints ?? []).length < max) (s.endpoints ??= []).push(remaining.shift()!);
  }
  // 3. The rest: into one unchanged slice with room for all of it, else new slices.
  const create: V1EndpointSlice[] = [];
  while (remaining.length > 0) {
    let fill: V1EndpointSlice | undefined;
    if (remaining.length < max && unchanged.length > 0) {
      const found = getSliceToFill(unchanged.map((n) => byName.get(n)!), remaining.length, max);
      if (found) {
        fill = clone(found) as V1EndpointSlice;
        byName.set(fill.metadata.name, fill);
      }
    }
    fill ??= newEndpointSlice(svc, ports);
    while (remaining.length > 0 && (fill.endpoints ?? []).length < max) (fill.endpoints ??= []).push(remaining.shift()!);
    if (fill.metadata.name) {
      toUpdate.push(fill.metadata.name);
      unchanged.splice(unchanged.indexOf(fill.metadata.name), 1);
    } else create.push(fill);
  }
  return { create, update: toUpdate.map((n) => byName.get(n)!), delete: toDelete };
}

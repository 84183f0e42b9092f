/**
 * SetDefaults_Service (k/k pkg/apis/core/v1/defaults.go) and the Service registry strategy's
 * PrepareForCreate / PrepareForUpdate (pkg/registry/core/service/strategy.go: NormalizeClusterIPs,
 * dropTypeDependentFields). ipFamilies / ipFamilyPolicy are not defaults: the allocator sets them
 * (serviceStorage.ts, alloc.go initIPFamilyFields).
 */
import { clone, deepEqual } from './equal.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** core/v1 DefaultClientIPServiceAffinitySeconds. */
export const DEFAULT_CLIENT_IP_AFFINITY_SECONDS = 10800;

/** The spec as a private, mutable copy (PATCH hands over specs that share frozen subtrees). */
function ownSpec(svc: Obj): Obj {
  const spec = isObj(svc.spec) ? clone(svc.spec) : {};
  svc.spec = spec;
  return spec;
}

/** service.ExternallyAccessible: NodePort, LoadBalancer, or ClusterIP with externalIPs. */
export function externallyAccessible(spec: Obj): boolean {
  return (
    spec.type === 'LoadBalancer' ||
    spec.type === 'NodePort' ||
    (spec.type === 'ClusterIP' && Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0)
  );
}

/** SetDefaults_Service. Mutates `svc` (its spec is replaced by a copy first). */
export function defaultService(svc: Obj): void {
  const spec = ownSpec(svc);
  if (spec.sessionAffinity === undefined || spec.sessionAffinity === '') spec.sessionAffinity = 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP') {
    const cfg = spec.sessionAffinityConfig;
    const clientIP = isObj(cfg) ? cfg.clientIP : undefined;
    if (!isObj(clientIP) || clientIP.timeoutSeconds === undefined || clientIP.timeoutSeconds === null) {
      spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: DEFAULT_CLIENT_IP_AFFINITY_SECONDS } };
    }
  }
  if (spec.type === undefined || spec.type === '') spec.type = 'ClusterIP';
  if (Array.isArray(spec.ports)) {
    for (const p of spec.ports) {
      if (!isObj(p)) continue;
      if (p.protocol === undefined || p.protocol === '') p.protocol = 'TCP';
      // intstr.FromInt32(0) or FromString(""): absent counts as the zero value.
      if (p.targetPort === undefined || p.targetPort === null || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
    }
  }
  if (externallyAccessible(spec) && (spec.externalTrafficPolicy === undefined || spec.externalTrafficPolicy === '')) {
    spec.externalTrafficPolicy = 'Cluster';
  }
  if (spec.internalTrafficPolicy === undefined && (spec.type === 'NodePort' || spec.type === 'LoadBalancer' || spec.type === 'ClusterIP')) {
    spec.internalTrafficPolicy = 'Cluster';
  }
  if (spec.type === 'LoadBalancer') {
    if (spec.allocateLoadBalancerNodePorts === undefined) spec.allocateLoadBalancerNodePorts = true;
    // LoadBalancerIPMode (GA): an ingress IP without ipMode is a VIP.
    const ingress = isObj(svc.status) && isObj(svc.status.loadBalancer) ? svc.status.loadBalancer.ingress : undefined;
    if (Array.isArray(ingress) && ingress.some((i) => isObj(i) && i.ip && i.ipMode === undefined)) {
      const st = svc.status as Obj;
      st.loadBalancer = {
        ...(st.loadBalancer as Obj),
        ingress: ingress.map((i) => (isObj(i) && i.ip && i.ipMode === undefined ? { ...i, ipMode: 'VIP' } : i)),
      };
    }
  }
}

const ips = (spec: Obj): string[] => (Array.isArray(spec.clusterIPs) ? (spec.clusterIPs as string[]) : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** NormalizeClusterIPs: keep `clusterIP` and `clusterIPs` in step for clients that set only one. */
export function normalizeClusterIPs(spec: Obj, oldSpec: Obj | undefined): void {
  if (!oldSpec) {
    if (str(spec.clusterIP) && ips(spec).length === 0) spec.clusterIPs = [spec.clusterIP];
    return;
  }
  if (ips(oldSpec).length > 0 && ips(spec).length === 0 && str(oldSpec.clusterIP) === str(spec.clusterIP)) {
    spec.clusterIPs = oldSpec.clusterIPs;
  }
  if (str(oldSpec.clusterIP) !== str(spec.clusterIP)) {
    const same = deepEqual(ips(oldSpec), ips(spec));
    if (str(oldSpec.clusterIP) && !str(spec.clusterIP)) {
      if (same) delete spec.clusterIPs;
    } else if (same) {
      spec.clusterIPs = [spec.clusterIP];
    }
  }
}

const needsClusterIP = (s: Obj) => s.type !== 'ExternalName';
const needsNodePort = (s: Obj) => s.type === 'NodePort' || s.type === 'LoadBalancer';
const needsHCNodePort = (s: Obj) => s.type === 'LoadBalancer' && s.externalTrafficPolicy === 'Local';
const nodePorts = (s: Obj) => (Array.isArray(s.ports) ? s.ports.map((p) => (isObj(p) ? (p.nodePort ?? 0) : 0)) : []);

/**
 * dropTypeDependentFields (update only): when the type no longer needs a field the server may
 * have filled in, and the user did not change it, clear it (the allocator then releases it).
 * The load-balancer status goes when the type is no longer LoadBalancer.
 */
export function dropTypeDependentFields(svc: Obj, oldSvc: Obj): void {
  const spec = svc.spec as Obj;
  const old = oldSvc.spec as Obj;
  if (needsClusterIP(old) && !needsClusterIP(spec)) {
    if (deepEqual(ips(old), ips(spec))) {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    if (deepEqual(old.ipFamilies, spec.ipFamilies)) delete spec.ipFamilies;
    if (old.ipFamilyPolicy === spec.ipFamilyPolicy) delete spec.ipFamilyPolicy;
  }
  if (needsNodePort(old) && !needsNodePort(spec) && deepEqual(nodePorts(old), nodePorts(spec)) && Array.isArray(spec.ports)) {
    spec.ports = spec.ports.map((p) => {
      if (!isObj(p)) return p;
      const { nodePort: _drop, ...rest } = p;
      return rest;
    });
  }
  if (needsHCNodePort(old) && !needsHCNodePort(spec) && old.healthCheckNodePort === spec.healthCheckNodePort) delete spec.healthCheckNodePort;
  if (old.type === 'LoadBalancer' && spec.type !== 'LoadBalancer') {
    if (spec.allocateLoadBalancerNodePorts !== undefined && spec.allocateLoadBalancerNodePorts === old.allocateLoadBalancerNodePorts) {
      delete spec.allocateLoadBalancerNodePorts;
    }
    if (old.loadBalancerClass === spec.loadBalancerClass) delete spec.loadBalancerClass;
  }
  if (externallyAccessible(old) && !externallyAccessible(spec) && old.externalTrafficPolicy === spec.externalTrafficPolicy) {
    delete spec.externalTrafficPolicy;
  }
  if (spec.type !== 'LoadBalancer') svc.status = { ...(isObj(svc.status) ? svc.status : {}), loadBalancer: {} };
}

/**
 * Service REST storage: ClusterIP and NodePort allocation. Mirrors k/k
 * pkg/registry/core/service/storage/{storage.go (beginCreate, beginUpdate, afterDelete),
 * alloc.go (initIPFamilyFields, allocClusterIPs, initNodePorts, updateNodePorts,
 * allocHealthCheckNodePort, releaseAllocatedResources)} for a single-stack IPv4 cluster:
 * service CIDR 10.96.0.0/12, NodePorts 30000-32767. Allocators live per ApiServer (a WeakMap),
 * so a snapshot restore, which replays requests into a fresh server, rebuilds them.
 */
import type { KubeObject } from '../types.ts';
import type { Rng } from '../component.ts';
import type { ApiServer } from './server.ts';
import type { KindHooks } from './kindHooks.ts';
import { invalid as fieldInvalid, type FieldError } from '../api/field.ts';
import { defaultService, dropTypeDependentFields, normalizeClusterIPs } from '../api/serviceDefaults.ts';
import { isHeadless, validateClusterIPsRelatedFields, validateService } from '../api/serviceValidation.ts';
import { AllocationError, IPAllocator, isIPv6 } from '../network/ipallocator.ts';
import { PortAllocator } from '../network/portallocator.ts';
import { internalError, invalid } from './errors.ts';
// kubeadm's cluster DNS IP: held for kube-dns, never handed out dynamically.
import { CLUSTER_DNS_IP } from '../network/dns.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

export const SERVICE_CIDR = '10.96.0.0/12';
export const NODE_PORT_BASE = 30000;
export const NODE_PORT_SIZE = 2768;

export interface ServiceAllocators {
  ips: IPAllocator;
  ports: PortAllocator;
  /** A separate stream for dry runs, so they never shift the IPs real writes get. */
  dryRng: Rng;
  /** 10.96.0.10 is still held for kube-system/kube-dns (which may claim it once). */
  dnsReserved: boolean;
}

const ALLOCATORS = new WeakMap<ApiServer, ServiceAllocators>();

/** The server's allocators, created on first use from its seeded Rng. */
export function serviceAllocators(server: ApiServer): ServiceAllocators {
  let a = ALLOCATORS.get(server);
  if (!a) {
    const rng = server.deps.rng.fork('ipallocator');
    a = { ips: new IPAllocator(SERVICE_CIDR, rng), ports: new PortAllocator(NODE_PORT_BASE, NODE_PORT_SIZE, rng.fork('portallocator')), dryRng: rng.fork('dryrun'), dnsReserved: true };
    a.ips.allocate(CLUSTER_DNS_IP);
    ALLOCATORS.set(server, a);
  }
  return a;
}

/** One request's allocations: kept on success, given back on failure or dry run. */
class Txn {
  private readonly ips: string[] = [];
  private readonly ports: number[] = [];
  private readonly releaseIPs: string[] = [];
  private readonly releasePorts: number[] = [];
  constructor(
    readonly al: ServiceAllocators,
    readonly dryRun: boolean,
  ) {}
  private get rng(): Rng | undefined {
    return this.dryRun ? this.al.dryRng : undefined;
  }
  allocIP(ip: string): void {
    this.al.ips.allocate(ip);
    this.ips.push(ip);
  }
  nextIP(): string {
    const ip = this.al.ips.allocateNext(false, this.rng);
    this.ips.push(ip);
    return ip;
  }
  allocPort(p: number): void {
    this.al.ports.allocate(p);
    this.ports.push(p);
  }
  nextPort(): number {
    const p = this.al.ports.allocateNext(false, this.rng);
    this.ports.push(p);
    return p;
  }
  deferReleaseIP(ip: string): void {
    this.releaseIPs.push(ip);
  }
  deferReleasePort(p: number): void {
    this.releasePorts.push(p);
  }
  revert(): void {
    for (const ip of this.ips) this.al.ips.release(ip);
    for (const p of this.ports) this.al.ports.release(p);
  }
  finish(): void {
    if (this.dryRun) return this.revert();
    for (const ip of this.releaseIPs) this.al.ips.release(ip);
    for (const p of this.releasePorts) this.al.ports.release(p);
  }
}

const specOf = (o: KubeObject): Obj => (isObj(o.spec) ? o.spec : {});
const portsOf = (spec: Obj): Obj[] => (Array.isArray(spec.ports) ? spec.ports.filter(isObj) : []);
const nameOf = (o: KubeObject) => o.metadata.name ?? '';
const refuse = (o: KubeObject, errs: FieldError[]) => invalid('Service', '', nameOf(o), errs);

/** initIPFamilyFields for a single-stack IPv4 cluster. Throws 422 on families it cannot serve. */
function initIPFamilyFields(svc: KubeObject, old: KubeObject | undefined): void {
  const spec = specOf(svc);
  if (spec.type === 'ExternalName') return;
  if (spec.ipFamilyPolicy === undefined || spec.ipFamilyPolicy === null) {
    const oldPolicy = old ? specOf(old).ipFamilyPolicy : undefined;
    if (typeof oldPolicy === 'string') spec.ipFamilyPolicy = oldPolicy;
    else if (spec.clusterIP === 'None' && !(isObj(spec.selector) && Object.keys(spec.selector).length > 0)) spec.ipFamilyPolicy = 'RequireDualStack';
    else spec.ipFamilyPolicy = 'SingleStack';
  }
  const pre = validateClusterIPsRelatedFields(spec);
  if (pre.length) throw refuse(svc, pre);
  const errs: FieldError[] = [];
  const policy = spec.ipFamilyPolicy;
  const ips = Array.isArray(spec.clusterIPs) ? (spec.clusterIPs as string[]) : [];
  let fams = Array.isArray(spec.ipFamilies) ? [...(spec.ipFamilies as string[])] : [];
  if (policy === 'SingleStack') {
    if (ips.length === 2) errs.push(fieldInvalid('spec.ipFamilyPolicy', policy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified"));
    if (fams.length === 2) errs.push(fieldInvalid('spec.ipFamilyPolicy', policy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified"));
  }
  for (let i = 0; i < ips.length && ips[i] !== 'None'; i++) {
    if (i < fams.length) continue;
    const fam = isIPv6(ips[i]!) ? 'IPv6' : 'IPv4';
    if (fam === 'IPv6') errs.push(fieldInvalid(`spec.clusterIPs[${i}]`, ips, 'IPv6 is not configured on this cluster'));
    else fams.push(fam);
  }
  if (errs.length) throw refuse(svc, errs);
  const selectorless = !(isObj(spec.selector) && Object.keys(spec.selector).length > 0);
  if (spec.clusterIP === 'None' && selectorless) {
    // Headless and selectorless: the one case a single-stack cluster lets carry two families.
    if (fams.length === 0) fams = ['IPv4'];
    if (fams.length < 2 && policy !== 'SingleStack') fams.push(fams[0] === 'IPv4' ? 'IPv6' : 'IPv4');
    spec.ipFamilies = fams;
    return;
  }
  if (policy === 'RequireDualStack') errs.push(fieldInvalid('spec.ipFamilyPolicy', policy, 'this cluster is not configured for dual-stack services'));
  fams.forEach((f, i) => {
    if (f !== 'IPv4') errs.push(fieldInvalid(`spec.ipFamilies[${i}]`, f, 'not configured on this cluster'));
  });
  if (errs.length) throw refuse(svc, errs);
  spec.ipFamilies = fams.length ? fams : ['IPv4'];
}

/** allocClusterIPs: the requested IP exactly, or a random one from the dynamic band. */
function allocClusterIPs(svc: KubeObject, txn: Txn): void {
  const spec = specOf(svc);
  if (spec.type === 'ExternalName' || isHeadless(spec)) return;
  const ips = Array.isArray(spec.clusterIPs) ? (spec.clusterIPs as string[]) : [];
  const want = ips[0] ?? '';
  let ip: string;
  if (want === '') {
    try {
      ip = txn.nextIP();
    } catch (e) {
      throw internalError(`failed to allocate a serviceIP: ${(e as Error).message}`);
    }
  } else if (want === CLUSTER_DNS_IP && txn.al.dnsReserved && svc.metadata.namespace === 'kube-system' && svc.metadata.name === 'kube-dns') {
    // kube-dns takes the address the cluster kept for it.
    if (!txn.dryRun) txn.al.dnsReserved = false;
    ip = want;
  } else {
    try {
      txn.allocIP(want);
    } catch (e) {
      if (!(e instanceof AllocationError)) throw e;
      throw refuse(svc, [fieldInvalid('spec.clusterIPs', ips, `failed to allocate IP ${want}: ${e.message}`)]);
    }
    ip = want;
  }
  spec.clusterIP = ip;
  spec.clusterIPs = [ip];
}

const needsNodePorts = (spec: Obj) => spec.type === 'NodePort' || spec.type === 'LoadBalancer';
/** shouldAllocateNodePorts: NodePort always; LoadBalancer unless allocateLoadBalancerNodePorts is false. */
const shouldAllocateNodePorts = (spec: Obj) => spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
const needsHealthCheck = (spec: Obj) => spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local';
const nodePortNumbers = (spec: Obj): number[] => {
  const out = portsOf(spec).map((p) => (typeof p.nodePort === 'number' ? p.nodePort : 0)).filter((n) => n !== 0);
  if (typeof spec.healthCheckNodePort === 'number' && spec.healthCheckNodePort !== 0) out.push(spec.healthCheckNodePort);
  return out;
};

function portError(svc: KubeObject, i: number, port: number, e: unknown): never {
  if (!(e instanceof AllocationError)) throw e;
  throw refuse(svc, [fieldInvalid(`spec.ports[${i}].nodePort`, port, e.message)]);
}

function nextPort(txn: Txn): number {
  try {
    return txn.nextPort();
  } catch (e) {
    throw internalError(`failed to allocate a nodePort: ${(e as Error).message}`);
  }
}

/** initNodePorts (create): ports sharing a service port number share one node port. */
function initNodePorts(svc: KubeObject, txn: Txn): void {
  const spec = specOf(svc);
  const ports = portsOf(spec);
  const byServicePort = new Map<number, number>();
  ports.forEach((p, i) => {
    const np = typeof p.nodePort === 'number' ? p.nodePort : 0;
    if (np === 0 && !shouldAllocateNodePorts(spec)) return;
    const port = p.port as number;
    const shared = byServicePort.get(port);
    if (shared === undefined) {
      const requested = ports.find((q) => q.port === port && typeof q.nodePort === 'number' && q.nodePort !== 0)?.nodePort as number | undefined;
      let got: number;
      if (requested) {
        try {
          txn.allocPort(requested);
        } catch (e) {
          portError(svc, i, requested, e);
        }
        got = requested;
      } else got = nextPort(txn);
      p.nodePort = got;
      byServicePort.set(port, got);
    } else if (np !== shared) {
      if (np === 0) p.nodePort = shared;
      else {
        try {
          txn.allocPort(np);
        } catch (e) {
          portError(svc, i, np, e);
        }
      }
    }
  });
}

/** updateNodePorts: keep the ports the old object held, allocate new ones, release dropped ones. */
function updateNodePorts(svc: KubeObject, old: KubeObject, txn: Txn): void {
  const spec = specOf(svc);
  const oldNumbers = new Set(portsOf(specOf(old)).map((p) => p.nodePort as number).filter(Boolean));
  const taken = new Set<number>();
  portsOf(spec).forEach((p, i) => {
    const np = typeof p.nodePort === 'number' ? p.nodePort : 0;
    if (np === 0 && !shouldAllocateNodePorts(spec)) return;
    if (np !== 0) {
      if (!oldNumbers.has(np) && !taken.has(np)) {
        try {
          txn.allocPort(np);
        } catch (e) {
          portError(svc, i, np, e);
        }
        taken.add(np);
      }
    } else p.nodePort = nextPort(txn);
  });
  const now = new Set(portsOf(spec).map((p) => p.nodePort as number));
  for (const n of oldNumbers) if (!now.has(n)) txn.deferReleasePort(n);
}

function allocHealthCheckNodePort(svc: KubeObject, txn: Txn): void {
  const spec = specOf(svc);
  const hc = typeof spec.healthCheckNodePort === 'number' ? spec.healthCheckNodePort : 0;
  try {
    if (hc !== 0) txn.allocPort(hc);
    else spec.healthCheckNodePort = txn.nextPort();
  } catch (e) {
    throw internalError(hc !== 0 ? `failed to allocate requested HealthCheck NodePort ${hc}: ${(e as Error).message}` : `failed to allocate a HealthCheck NodePort 0: ${(e as Error).message}`);
  }
}

function allocateCreate(svc: KubeObject, txn: Txn): void {
  initIPFamilyFields(svc, undefined);
  allocClusterIPs(svc, txn);
  const spec = specOf(svc);
  if (needsNodePorts(spec)) initNodePorts(svc, txn);
  if (needsHealthCheck(spec)) allocHealthCheckNodePort(svc, txn);
}

function allocateUpdate(svc: KubeObject, old: KubeObject, txn: Txn): void {
  initIPFamilyFields(svc, old);
  const spec = specOf(svc);
  const oldSpec = specOf(old);
  // updateClusterIPs: ExternalName → other allocates; other → ExternalName releases.
  if (oldSpec.type === 'ExternalName' && spec.type !== 'ExternalName') allocClusterIPs(svc, txn);
  else if (!isHeadless(oldSpec) && oldSpec.type !== 'ExternalName' && spec.type === 'ExternalName') {
    for (const ip of (oldSpec.clusterIPs as string[] | undefined) ?? []) txn.deferReleaseIP(ip);
  }
  // txnUpdateNodePorts.
  if (needsNodePorts(oldSpec) && !needsNodePorts(spec)) {
    for (const p of portsOf(oldSpec)) if (typeof p.nodePort === 'number' && p.nodePort) txn.deferReleasePort(p.nodePort);
  }
  if (needsNodePorts(spec)) updateNodePorts(svc, old, txn);
  // updateHealthCheckNodePort.
  const needed = needsHealthCheck(oldSpec);
  const needs = needsHealthCheck(spec);
  if (!needed && needs) allocHealthCheckNodePort(svc, txn);
  else if (needed && !needs && typeof oldSpec.healthCheckNodePort === 'number') {
    txn.deferReleasePort(oldSpec.healthCheckNodePort);
    delete spec.healthCheckNodePort;
  }
}

/** releaseAllocatedResources: the ClusterIPs and every node port a stored Service holds. */
export function releaseServiceResources(server: ApiServer, svc: KubeObject): void {
  const al = serviceAllocators(server);
  const spec = specOf(svc);
  if (spec.type !== 'ExternalName' && !isHeadless(spec)) {
    for (const ip of (spec.clusterIPs as string[] | undefined) ?? []) al.ips.release(ip);
  }
  for (const n of nodePortNumbers(spec)) al.ports.release(n);
}

export const serviceHooks: KindHooks = {
  defaults(obj) {
    defaultService(obj as Obj);
  },
  validate(obj, old, subresource) {
    return validateService(obj as Obj, old as Obj | undefined, subresource);
  },
  /** svcStrategy.PrepareForCreate / PrepareForUpdate. */
  admit(_server, obj, old) {
    const o = obj as Obj;
    if (!old) {
      o.status = { loadBalancer: {} };
      normalizeClusterIPs(specOf(obj), undefined);
      return;
    }
    normalizeClusterIPs(specOf(obj), specOf(old));
    dropTypeDependentFields(o, old as Obj);
  },
  beforeCommit(server, obj, old, opts) {
    // The Service strategy never sets metadata.generation (the generic path gives every spec'd kind one).
    if ('generation' in obj.metadata) delete obj.metadata.generation;
    if (opts.subresource) return;
    const txn = new Txn(serviceAllocators(server), opts.dryRun);
    try {
      if (old) allocateUpdate(obj, old, txn);
      else allocateCreate(obj, txn);
    } catch (e) {
      txn.revert();
      throw e;
    }
    txn.finish();
  },
  afterDelete(server, obj) {
    releaseServiceResources(server, obj);
  },
};

/**
 * Service validation. Mirrors k/k pkg/apis/core/validation/validation.go (v1.34): ValidateService,
 * validateServicePort, validateClientIPAffinityConfig, ValidateServiceClusterIPsRelatedFields,
 * validateServiceExternalTrafficPolicy, validateServiceInternalTrafficFieldsValue,
 * ValidateServiceUpdate (validateUpgradeDowngradeClusterIPs / IPFamilies) and
 * ValidateServiceStatusUpdate (ValidateLoadBalancerStatus). Object metadata is checked by the
 * generic strategy (strategy.ts) with the DNS-1035 name rule.
 */
import { duplicate, forbidden, invalid, notSupported, required, type FieldError } from './field.ts';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, validateLabels } from './names.ts';
import { isValidPortName } from './podValidation.ts';
import { externallyAccessible } from './serviceDefaults.ts';
import { isIPv6, isValidIP } from '../network/ipallocator.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const PORT_RANGE = 'must be between 1 and 65535, inclusive';
const INVALID_IP = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';
/** core.MaxClientIPServiceAffinitySeconds. */
export const MAX_CLIENT_IP_AFFINITY_SECONDS = 86400;
// sets.List order (sorted).
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const AFFINITIES = ['ClientIP', 'None'];
const TRAFFIC_POLICIES = ['Cluster', 'Local'];
const IP_FAMILIES = ['IPv4', 'IPv6'];
const IP_FAMILY_POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];
const IP_MODES = ['Proxy', 'VIP'];
const TRAFFIC_DISTRIBUTIONS = ['PreferClose', 'PreferSameNode', 'PreferSameZone'];

const clusterIPsOf = (spec: Obj): string[] => arr(spec.clusterIPs).map((v) => String(v));
/** isHeadlessService: exactly `clusterIPs: [None]`. */
export const isHeadless = (spec: Obj): boolean => {
  const ips = clusterIPsOf(spec);
  return ips.length === 1 && ips[0] === 'None';
};

/** intstr rendering of a field error value: numbers plain, strings quoted. */
function validatePortNumOrName(v: unknown, path: string): FieldError[] {
  if (typeof v === 'number') return v >= 1 && v <= 65535 ? [] : [invalid(path, v, PORT_RANGE)];
  if (typeof v === 'string') return isValidPortName(v).map((m) => invalid(path, v, m));
  return [];
}

function validateServicePort(p: Obj, requireName: boolean, names: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = typeof p.name === 'string' ? p.name : '';
  if (requireName && !name) errs.push(required(`${path}.name`));
  else if (name) {
    for (const m of isDNS1123Label(name)) errs.push(invalid(`${path}.name`, name, m));
    if (names.has(name)) errs.push(duplicate(`${path}.name`, name));
    else names.add(name);
  }
  const port = typeof p.port === 'number' ? p.port : 0;
  if (port < 1 || port > 65535) errs.push(invalid(`${path}.port`, port, PORT_RANGE));
  const proto = typeof p.protocol === 'string' ? p.protocol : '';
  if (!proto) errs.push(required(`${path}.protocol`));
  else if (!PROTOCOLS.includes(proto)) errs.push(notSupported(`${path}.protocol`, proto, PROTOCOLS));
  errs.push(...validatePortNumOrName(p.targetPort, `${path}.targetPort`));
  if (typeof p.appProtocol === 'string') for (const m of isQualifiedName(p.appProtocol)) errs.push(invalid(`${path}.appProtocol`, p.appProtocol, m));
  return errs;
}

function validateClientIPAffinityConfig(cfg: unknown, path: string): FieldError[] {
  const when = 'when session affinity type is ClientIP';
  if (!isObj(cfg)) return [required(path, when)];
  if (!isObj(cfg.clientIP)) return [required(`${path}.clientIP`, when)];
  const t = cfg.clientIP.timeoutSeconds;
  if (typeof t !== 'number') return [required(`${path}.clientIP.timeoutSeconds`, when)];
  if (t <= 0 || t > MAX_CLIENT_IP_AFFINITY_SECONDS) {
    return [invalid(`${path}.clientIP.timeoutSeconds`, t, `must be greater than 0 and less than ${MAX_CLIENT_IP_AFFINITY_SECONDS}`)];
  }
  return [];
}

/** ValidateServiceClusterIPsRelatedFields (also run by the allocator before it fills families). */
export function validateClusterIPsRelatedFields(spec: Obj): FieldError[] {
  if (spec.type === 'ExternalName') return [];
  const errs: FieldError[] = [];
  const ips = clusterIPsOf(spec);
  const clusterIP = typeof spec.clusterIP === 'string' ? spec.clusterIP : '';
  if (clusterIP) {
    if (ips.length === 0) errs.push(required('spec.clusterIPs'));
    else if (ips[0] !== clusterIP) errs.push(invalid('spec.clusterIPs', ips, 'first value must match `clusterIP`'));
  } else if (ips.length !== 0) {
    errs.push(invalid('spec.clusterIPs', ips, 'must be empty when `clusterIP` is not specified'));
  }
  const seen = new Set<string>();
  arr(spec.ipFamilies).forEach((f, i) => {
    if (!IP_FAMILIES.includes(f as string)) errs.push(notSupported(`spec.ipFamilies[${i}]`, f, IP_FAMILIES));
    if (seen.has(f as string)) errs.push(duplicate(`spec.ipFamilies[${i}]`, f));
    seen.add(f as string);
  });
  if (spec.ipFamilyPolicy !== undefined && spec.ipFamilyPolicy !== null && !IP_FAMILY_POLICIES.includes(spec.ipFamilyPolicy as string)) {
    errs.push(notSupported('spec.ipFamilyPolicy', spec.ipFamilyPolicy, IP_FAMILY_POLICIES));
  }
  let badIPs = false;
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) {
        badIPs = true;
        errs.push(invalid('spec.clusterIPs', ips, "'None' must be the first and only value"));
      }
      return;
    }
    if (!isValidIP(ip)) {
      badIPs = true;
      errs.push(invalid(`spec.clusterIPs[${i}]`, ip, INVALID_IP));
    }
  });
  if (ips.length > 2) errs.push(invalid('spec.clusterIPs', ips, 'may only hold up to 2 values'));
  if (badIPs) return errs;
  if (ips.length > 1 && isIPv6(ips[0]!) === isIPv6(ips[1]!)) {
    errs.push(invalid('spec.clusterIPs', ips, 'may specify no more than one IP for each IP family'));
  }
  const fams = arr(spec.ipFamilies);
  if (!isHeadless(spec)) {
    ips.forEach((ip, i) => {
      if (i >= fams.length) return;
      if (fams[i] === 'IPv4' && isIPv6(ip)) errs.push(invalid(`spec.clusterIPs[${i}]`, ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
      if (fams[i] === 'IPv6' && !isIPv6(ip)) errs.push(invalid(`spec.clusterIPs[${i}]`, ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
    });
  }
  return errs;
}

/** The Duplicate value of a (protocol, port) pair: Go's JSON of core.ServicePort{Protocol, Port}. */
const portKey = (p: Obj) => ({ Name: '', Protocol: p.protocol ?? '', AppProtocol: null, Port: p.port ?? 0, TargetPort: 0, NodePort: 0 });

/** ValidateService. */
export function validateServiceSpec(svc: Obj): FieldError[] {
  const spec = isObj(svc.spec) ? svc.spec : {};
  const errs: FieldError[] = [];
  const ports = arr(spec.ports).map((p) => (isObj(p) ? p : {}));
  const headless = isHeadless(spec);
  if (ports.length === 0 && !headless && spec.type !== 'ExternalName') errs.push(required('spec.ports'));
  if ((spec.type === 'LoadBalancer' || spec.type === 'NodePort') && headless) {
    errs.push(invalid('spec.clusterIPs[0]', 'None', `may not be set to 'None' for ${spec.type} services`));
  } else if (spec.type === 'ExternalName') {
    if (clusterIPsOf(spec).length > 0) errs.push(forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
    if (arr(spec.ipFamilies).length > 0) errs.push(forbidden('spec.ipFamilies', 'may not be set for ExternalName services'));
    if (spec.ipFamilyPolicy !== undefined && spec.ipFamilyPolicy !== null) errs.push(forbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'));
    const cname = (typeof spec.externalName === 'string' ? spec.externalName : '').replace(/\.$/, '');
    if (cname) for (const m of isDNS1123Subdomain(cname)) errs.push(invalid('spec.externalName', cname, m));
    else errs.push(required('spec.externalName'));
  }
  const names = new Set<string>();
  ports.forEach((p, i) => errs.push(...validateServicePort(p, ports.length > 1, names, `spec.ports[${i}]`)));
  if (isObj(spec.selector)) errs.push(...validateLabels(spec.selector, 'spec.selector'));
  const aff = spec.sessionAffinity;
  if (aff === undefined || aff === '') errs.push(required('spec.sessionAffinity'));
  else if (!AFFINITIES.includes(aff as string)) errs.push(notSupported('spec.sessionAffinity', aff, AFFINITIES));
  if (aff === 'ClientIP') errs.push(...validateClientIPAffinityConfig(spec.sessionAffinityConfig, 'spec.sessionAffinityConfig'));
  else if (aff === 'None' && spec.sessionAffinityConfig !== undefined && spec.sessionAffinityConfig !== null) {
    errs.push(forbidden('spec.sessionAffinityConfig', 'must not be set when session affinity is None'));
  }
  errs.push(...validateClusterIPsRelatedFields(spec));
  arr(spec.externalIPs).forEach((ip, i) => {
    if (typeof ip !== 'string' || !isValidIP(ip)) errs.push(invalid(`spec.externalIPs[${i}]`, ip, INVALID_IP));
  });
  if (spec.type === undefined || spec.type === '') errs.push(required('spec.type'));
  else if (!SERVICE_TYPES.includes(spec.type as string)) errs.push(notSupported('spec.type', spec.type, SERVICE_TYPES));
  if (spec.type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (p.nodePort) errs.push(forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  }
  const nodePorts = new Set<string>();
  ports.forEach((p, i) => {
    if (!p.nodePort) return;
    const k = `${String(p.protocol)}/${String(p.nodePort)}`;
    if (nodePorts.has(k)) errs.push(duplicate(`spec.ports[${i}].nodePort`, p.nodePort));
    nodePorts.add(k);
  });
  const pairs = new Set<string>();
  ports.forEach((p, i) => {
    const k = `${String(p.protocol)}/${String(p.port)}`;
    if (pairs.has(k)) errs.push(duplicate(`spec.ports[${i}]`, portKey(p)));
    pairs.add(k);
  });
  if (arr(spec.loadBalancerSourceRanges).length > 0 && spec.type !== 'LoadBalancer') {
    errs.push(forbidden('spec.LoadBalancerSourceRanges', "may only be used when `type` is 'LoadBalancer'"));
  }
  if (spec.allocateLoadBalancerNodePorts !== undefined && spec.allocateLoadBalancerNodePorts !== null && spec.type !== 'LoadBalancer') {
    errs.push(forbidden('spec.allocateLoadBalancerNodePorts', "may only be used when `type` is 'LoadBalancer'"));
  }
  // Upstream's path really lacks `spec.` here.
  if (spec.type === 'LoadBalancer' && (spec.allocateLoadBalancerNodePorts === undefined || spec.allocateLoadBalancerNodePorts === null)) {
    errs.push(required('allocateLoadBalancerNodePorts'));
  }
  errs.push(...validateExternalTrafficPolicy(spec));
  if (spec.internalTrafficPolicy === undefined || spec.internalTrafficPolicy === null) {
    if (spec.type === 'NodePort' || spec.type === 'LoadBalancer' || spec.type === 'ClusterIP') errs.push(required('spec.internalTrafficPolicy'));
  } else if (!TRAFFIC_POLICIES.includes(spec.internalTrafficPolicy as string)) {
    errs.push(notSupported('spec.internalTrafficPolicy', spec.internalTrafficPolicy, TRAFFIC_POLICIES));
  }
  if (spec.trafficDistribution !== undefined && spec.trafficDistribution !== null && !TRAFFIC_DISTRIBUTIONS.includes(spec.trafficDistribution as string)) {
    errs.push(notSupported('spec.trafficDistribution', spec.trafficDistribution, TRAFFIC_DISTRIBUTIONS));
  }
  return errs;
}

function validateExternalTrafficPolicy(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const etp = spec.externalTrafficPolicy;
  if (!externallyAccessible(spec)) {
    if (etp !== undefined && etp !== '') errs.push(invalid('spec.externalTrafficPolicy', etp, 'may only be set for externally-accessible services'));
  } else if (etp === undefined || etp === '') errs.push(required('spec.externalTrafficPolicy'));
  else if (!TRAFFIC_POLICIES.includes(etp as string)) errs.push(notSupported('spec.externalTrafficPolicy', etp, TRAFFIC_POLICIES));
  const needsHC = spec.type === 'LoadBalancer' && etp === 'Local';
  const hc = typeof spec.healthCheckNodePort === 'number' ? spec.healthCheckNodePort : 0;
  if (!needsHC) {
    if (hc !== 0) errs.push(invalid('spec.healthCheckNodePort', hc, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
  } else if (hc !== 0 && (hc < 1 || hc > 65535)) errs.push(invalid('spec.healthCheckNodePort', hc, PORT_RANGE));
  // (hc === 0 with Local is filled in by the allocator before the write.)
  return errs;
}

/** validateUpgradeDowngradeClusterIPs for a single-stack cluster: clusterIPs are immutable once set. */
function validateClusterIPsUpdate(spec: Obj, old: Obj): FieldError[] {
  if (spec.type === 'ExternalName' || old.type === 'ExternalName') return [];
  if (isHeadless(old) && isHeadless(spec)) return [];
  const now = clusterIPsOf(spec);
  const was = clusterIPsOf(old);
  // A nil slice renders as JSON null (`kubectl replace` without clusterIP).
  const shown = Array.isArray(spec.clusterIPs) ? now : null;
  const errs: FieldError[] = [];
  if (was.length === now.length) {
    was.forEach((ip, i) => {
      if (ip !== now[i]) errs.push(invalid(`spec.clusterIPs[${i}]`, now, 'may not change once set'));
    });
  } else if (was.length > now.length) {
    if (now.length === 0) errs.push(invalid('spec.clusterIPs[0]', shown, 'primary clusterIP can not be unset'));
    if (now.length > 0 && now[0] !== was[0]) errs.push(invalid('spec.clusterIPs[0]', shown, 'may not change once set'));
    if (now.length === 1 && spec.ipFamilyPolicy !== 'SingleStack') {
      errs.push(invalid('spec.ipFamilyPolicy', spec.ipFamilyPolicy ?? null, "must be set to 'SingleStack' when releasing the secondary clusterIP"));
    }
  } else if (was.length > 0 && now[0] !== was[0]) {
    errs.push(invalid('spec.clusterIPs[0]', now, 'may not change once set'));
  }
  return errs;
}

function validateIPFamiliesUpdate(spec: Obj, old: Obj): FieldError[] {
  if (spec.type === 'ExternalName' || old.type === 'ExternalName') return [];
  if (isHeadless(old) || isHeadless(spec)) return [];
  const now = arr(spec.ipFamilies);
  const was = arr(old.ipFamilies);
  if (was.length === now.length && was.some((f, i) => f !== now[i])) return [invalid('spec.ipFamilies[0]', now, 'may not change once set')];
  return [];
}

/** ValidateLoadBalancerStatus (status subresource writes). */
function validateLoadBalancerStatus(svc: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const spec = isObj(svc.spec) ? svc.spec : {};
  const lb = isObj(svc.status) && isObj(svc.status.loadBalancer) ? svc.status.loadBalancer : {};
  const ingress = arr(lb.ingress).map((i) => (isObj(i) ? i : {}));
  if (spec.type !== 'LoadBalancer' && ingress.length) return [forbidden('status.loadBalancer.ingress', "may only be used when `spec.type` is 'LoadBalancer'")];
  ingress.forEach((ing, i) => {
    const p = `status.loadBalancer.ingress[${i}]`;
    const ip = typeof ing.ip === 'string' ? ing.ip : '';
    if (ip && !isValidIP(ip)) errs.push(invalid(`${p}.ip`, ip, INVALID_IP));
    if (ing.ipMode === undefined || ing.ipMode === null) {
      if (ip) errs.push(required(`${p}.ipMode`, 'must be specified when `ip` is set'));
    } else if (!ip) errs.push(forbidden(`${p}.ipMode`, 'may not be specified when `ip` is not set'));
    else if (!IP_MODES.includes(ing.ipMode as string)) errs.push(notSupported(`${p}.ipMode`, ing.ipMode, IP_MODES));
    if (typeof ing.hostname === 'string' && ing.hostname) {
      for (const m of isDNS1123Subdomain(ing.hostname)) errs.push(invalid(`${p}.hostname`, ing.hostname, m));
      if (isValidIP(ing.hostname)) errs.push(invalid(`${p}.hostname`, ing.hostname, 'must be a DNS name, not an IP address'));
    }
  });
  return errs;
}

/** The Service hook's validate: create, update, or a status write. */
export function validateService(svc: Obj, old: Obj | undefined, subresource?: string): FieldError[] {
  if (subresource === 'status') return validateLoadBalancerStatus(svc);
  if (!old) return validateServiceSpec(svc);
  const spec = isObj(svc.spec) ? svc.spec : {};
  const oldSpec = isObj(old.spec) ? old.spec : {};
  const errs = [...validateClusterIPsUpdate(spec, oldSpec), ...validateIPFamiliesUpdate(spec, oldSpec)];
  if (spec.type === 'LoadBalancer' && oldSpec.type === 'LoadBalancer' && oldSpec.externalTrafficPolicy === 'Local' && spec.externalTrafficPolicy === 'Local') {
    if (spec.healthCheckNodePort !== oldSpec.healthCheckNodePort) errs.push(forbidden('spec.healthCheckNodePort', 'field is immutable'));
  }
  if (oldSpec.type === 'LoadBalancer' && spec.type === 'LoadBalancer' && oldSpec.loadBalancerClass !== spec.loadBalancerClass) {
    errs.push(invalid('spec.loadBalancerClass', spec.loadBalancerClass ?? null, 'may not change once set'));
  }
  return [...errs, ...validateServiceSpec(svc)];
}

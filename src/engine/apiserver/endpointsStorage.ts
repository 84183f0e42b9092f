/**
 * Endpoints (core/v1) and EndpointSlice (discovery.k8s.io/v1) storage: defaults and validation.
 * Mirrors pkg/apis/core/v1/defaults.go (SetDefaults_Endpoints), pkg/apis/discovery/v1/defaults.go
 * (SetDefaults_EndpointPort), pkg/apis/core/validation (ValidateEndpoints, validateEndpointSubsets,
 * validateEndpointAddress, ValidateEndpointIP, validateEndpointPort) and
 * pkg/apis/discovery/validation (ValidateEndpointSlice: addressType, endpoints, ports).
 * ObjectMeta is validated by the generic strategy.
 */
import type { KindHooks } from './kindHooks.ts';
import type { KubeObject } from '../types.ts';
import { duplicate, forbidden, invalid, notSupported, required, type FieldError } from '../api/field.ts';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName } from '../api/names.ts';
import { parseIPSloppy } from '../api/ingressValidation.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? (v.filter(isObj) as Obj[]) : []);

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];
const MAX_ADDRESSES = 100;
const MAX_PORTS = 100;
const MAX_ENDPOINTS = 1000;

/** field.TooMany: `Too many: 1001: must have at most 1000 items`. */
const tooMany = (field: string, actual: number, max: number): FieldError => ({ type: 'FieldValueTooMany', field, value: actual, detail: `must have at most ${max} items` });
const dns1123Label = (v: string, field: string) => isDNS1123Label(v).map((m) => invalid(field, v, m));

function parseIPv4Octets(ip: string): number[] | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  return m ? m.slice(1).map(Number) : undefined;
}

/** ValidateEndpointIP: no unspecified, loopback, link-local or link-local multicast addresses. */
function validateEndpointIP(ip: string, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const o = parseIPv4Octets(ip);
  const v6 = o ? '' : ip.toLowerCase();
  if (o ? o.every((x) => x === 0) : /^(0*:)*:?0*$/.test(v6) && v6.includes('::')) errs.push(invalid(field, ip, `may not be unspecified (${ip})`));
  if (o ? o[0] === 127 : v6 === '::1') errs.push(invalid(field, ip, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'));
  if (o ? o[0] === 169 && o[1] === 254 : /^fe[89ab]/.test(v6)) errs.push(invalid(field, ip, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'));
  if (o ? o[0] === 224 && o[1] === 0 && o[2] === 0 : v6.startsWith('ff02:')) errs.push(invalid(field, ip, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'));
  return errs;
}

function setDefaultsEndpoints(obj: KubeObject): void {
  for (const ss of arr(obj.subsets)) for (const p of arr(ss.ports)) if (!p.protocol) p.protocol = 'TCP';
}

function setDefaultsEndpointSlice(obj: KubeObject): void {
  for (const p of arr(obj.ports)) {
    if (p.name === undefined || p.name === null) p.name = '';
    if (p.protocol === undefined || p.protocol === null) p.protocol = 'TCP';
  }
}

function validateEndpointAddress(a: Obj, field: string, ipToNode: Map<string, string>): FieldError[] {
  const errs: FieldError[] = [];
  const ip = typeof a.ip === 'string' ? a.ip : '';
  if (!parseIPSloppy(ip)) errs.push(invalid(`${field}.ip`, ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
  if (typeof a.hostname === 'string' && a.hostname) errs.push(...dns1123Label(a.hostname, `${field}.hostname`));
  if (typeof a.nodeName === 'string') for (const m of isDNS1123Subdomain(a.nodeName)) errs.push(invalid(`${field}.nodeName`, a.nodeName, m));
  const was = ipToNode.get(ip);
  if (was !== undefined && typeof a.nodeName === 'string' && a.nodeName !== was) errs.push(forbidden(`${field}.nodeName`, `Cannot change NodeName for ${ip} to ${a.nodeName}`));
  if (errs.length) return errs;
  return validateEndpointIP(ip, `${field}.ip`);
}

/** ValidateEndpoints / ValidateEndpointsUpdate (subsets; the node of an address may not change). */
export function validateEndpoints(obj: KubeObject, old?: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const ipToNode = new Map<string, string>();
  for (const ss of arr(old?.subsets)) for (const a of [...arr(ss.addresses), ...arr(ss.notReadyAddresses)]) if (typeof a.nodeName === 'string') ipToNode.set(String(a.ip), a.nodeName);
  arr(obj.subsets).forEach((ss, i) => {
    const p = `subsets[${i}]`;
    const addrs = arr(ss.addresses);
    const notReady = arr(ss.notReadyAddresses);
    if (addrs.length === 0 && notReady.length === 0) errs.push(required(p, 'must specify `addresses` or `notReadyAddresses`'));
    addrs.forEach((a, j) => errs.push(...validateEndpointAddress(a, `${p}.addresses[${j}]`, ipToNode)));
    notReady.forEach((a, j) => errs.push(...validateEndpointAddress(a, `${p}.notReadyAddresses[${j}]`, ipToNode)));
    const ports = arr(ss.ports);
    ports.forEach((port, j) => {
      const pp = `${p}.ports[${j}]`;
      const name = typeof port.name === 'string' ? port.name : '';
      if (ports.length > 1 && !name) errs.push(required(`${pp}.name`));
      else if (name) errs.push(...dns1123Label(name, `${pp}.name`));
      const n = typeof port.port === 'number' ? port.port : 0;
      if (!Number.isInteger(n) || n < 1 || n > 65535) errs.push(invalid(`${pp}.port`, n, 'must be between 1 and 65535, inclusive'));
      if (!port.protocol) errs.push(required(`${pp}.protocol`));
      else if (!PROTOCOLS.includes(String(port.protocol))) errs.push(notSupported(`${pp}.protocol`, port.protocol, PROTOCOLS));
    });
  });
  return errs;
}

/** ValidateEndpointSlice (+ Update: addressType is immutable). */
export function validateEndpointSlice(obj: KubeObject, old?: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const at = typeof obj.addressType === 'string' ? obj.addressType : '';
  const valid = old ? [...ADDRESS_TYPES, 'IP'] : ADDRESS_TYPES;
  if (!at) errs.push(required('addressType'));
  else if (!valid.includes(at)) errs.push(notSupported('addressType', at, ADDRESS_TYPES));
  const eps = arr(obj.endpoints);
  if (eps.length > MAX_ENDPOINTS) errs.push(tooMany('endpoints', eps.length, MAX_ENDPOINTS));
  else
    eps.forEach((ep, i) => {
      const p = `endpoints[${i}]`;
      const addrs = Array.isArray(ep.addresses) ? (ep.addresses as unknown[]).map(String) : [];
      if (addrs.length === 0) errs.push(required(`${p}.addresses`, 'must contain at least 1 address'));
      else if (addrs.length > MAX_ADDRESSES) errs.push(tooMany(`${p}.addresses`, addrs.length, MAX_ADDRESSES));
      addrs.forEach((a, j) => {
        const ap = `${p}.addresses[${j}]`;
        if (at === 'IPv4') {
          if (!parseIPv4Octets(a) || !parseIPSloppy(a)) errs.push(invalid(ap, a, 'must be a valid IPv4 address'));
          else errs.push(...validateEndpointIP(a, ap));
        } else if (at === 'IPv6') {
          if (!a.includes(':') || !parseIPSloppy(a)) errs.push(invalid(ap, a, 'must be a valid IPv6 address'));
          else errs.push(...validateEndpointIP(a, ap));
        } else if (at === 'FQDN') {
          if (!a.includes('.') || isDNS1123Subdomain(a).length) errs.push(invalid(ap, a, 'should be a domain with at least two segments separated by dots'));
        }
      });
      if (typeof ep.nodeName === 'string') for (const m of isDNS1123Subdomain(ep.nodeName)) errs.push(invalid(`${p}.nodeName`, ep.nodeName, m));
      if (typeof ep.hostname === 'string') errs.push(...dns1123Label(ep.hostname, `${p}.hostname`));
    });
  const ports = arr(obj.ports);
  if (ports.length > MAX_PORTS) errs.push(tooMany('ports', ports.length, MAX_PORTS));
  else {
    const names = new Set<string>();
    ports.forEach((port, i) => {
      const p = `ports[${i}]`;
      const name = typeof port.name === 'string' ? port.name : '';
      if (name) errs.push(...dns1123Label(name, `${p}.name`));
      if (names.has(name)) errs.push(duplicate(`${p}.name`, name));
      else names.add(name);
      if (port.protocol === undefined || port.protocol === null) errs.push(required(`${p}.protocol`));
      else if (!PROTOCOLS.includes(String(port.protocol))) errs.push(notSupported(`${p}.protocol`, port.protocol, PROTOCOLS));
      if (typeof port.appProtocol === 'string') for (const m of isQualifiedName(port.appProtocol)) errs.push(invalid(`${p}.appProtocol`, port.appProtocol, m));
    });
  }
  if (old && old.addressType !== obj.addressType) errs.push(invalid('addressType', obj.addressType, 'field is immutable'));
  return errs;
}

export const endpointsHooks: KindHooks = {
  defaults: setDefaultsEndpoints,
  validate: (obj, old) => validateEndpoints(obj, old),
};
export const endpointSliceHooks: KindHooks = {
  defaults: setDefaultsEndpointSlice,
  validate: (obj, old) => validateEndpointSlice(obj, old),
};

/**
 * networking.k8s.io/v1 Ingress and IngressClass validation with upstream field paths and messages.
 * Mirrors k/k pkg/apis/networking/validation/validation.go (ValidateIngressCreate,
 * ValidateIngressUpdate, ValidateIngressSpec, validateIngressRules, validateHTTPIngressPath,
 * validateIngressBackend, validateIngressTLS, ValidateIngressStatusUpdate, ValidateIngressClass,
 * ValidateIngressClassUpdate) and the apimachinery helpers they call (IsWildcardDNS1123Subdomain,
 * IsDomainPrefixedPath, IsValidIPForLegacyField). ObjectMeta is validated by the generic strategy.
 */
import { forbidden, invalid, notSupported, required, tooLong, type FieldError } from './field.ts';
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, maxLenError, regexError } from './names.ts';
import { isValidPortName } from './podValidation.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export const ANNOTATION_INGRESS_CLASS = 'kubernetes.io/ingress.class';
export const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];
const INVALID_PATH_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_PATH_SUFFIXES = ['/..', '/.'];
const MAX_LEN_INGRESS_CLASS_CONTROLLER = 250;
const PARAMETER_SCOPES = ['Cluster', 'Namespace'];

const DNS1123_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const WILDCARD_FMT = `\\*\\.${DNS1123_LABEL}(\\.${DNS1123_LABEL})*`;
const reWildcard = new RegExp(`^${WILDCARD_FMT}$`);
const WILDCARD_MSG =
  "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character";

/** IsWildcardDNS1123Subdomain. */
export function isWildcardDNS1123Subdomain(v: string): string[] {
  const errs: string[] = [];
  if (v.length > 253) errs.push(maxLenError(253));
  if (!reWildcard.test(v)) errs.push(regexError(WILDCARD_MSG, WILDCARD_FMT, '*.example.com'));
  return errs;
}

/** netutils.ParseIPSloppy != nil: dotted-quad IPv4 (leading zeros allowed) or IPv6. */
export function parseIPSloppy(v: string): boolean {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(v);
  if (v4) return v4.slice(1).every((o) => Number(o) <= 255);
  if (!v.includes(':') || v.includes('%')) return false;
  // IPv6: at most one `::`, hex groups of 1–4 digits, optionally an embedded IPv4 tail.
  let s = v;
  const tail = /:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(s);
  if (tail) {
    if (!parseIPSloppy(tail[1])) return false;
    s = s.slice(0, -tail[1].length) + '0:0';
  }
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const parts = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  if (!parts.every((p) => /^[0-9a-fA-F]{1,4}$/.test(p))) return false;
  return halves.length === 2 ? parts.length < 8 : parts.length === 8;
}

/** ValidateIngressSpec + (on create) the class annotation / ingressClassName agreement. */
export function validateIngress(obj: Obj, old: Obj | undefined): FieldError[] {
  const spec = isObj(obj.spec) ? obj.spec : {};
  const errs = validateIngressSpec(spec, 'spec', old);
  if (!old) {
    const ann = isObj((obj.metadata as Obj | undefined)?.annotations) ? ((obj.metadata as Obj).annotations as Obj) : {};
    const val = ann[ANNOTATION_INGRESS_CLASS];
    if (typeof val === 'string' && typeof spec.ingressClassName === 'string' && val !== spec.ingressClassName) {
      // Upstream builds this path from field.NewPath("annotations"), without `metadata.`.
      errs.push(invalid(`annotations.${ANNOTATION_INGRESS_CLASS}`, val, 'must match `ingressClassName` when both are specified'));
    }
  }
  return errs;
}

interface Opts {
  allowInvalidSecretName: boolean;
  allowInvalidWildcardHostRule: boolean;
}

function validateIngressSpec(spec: Obj, path: string, old: Obj | undefined): FieldError[] {
  const errs: FieldError[] = [];
  const rules = arr(spec.rules);
  const opts: Opts = {
    allowInvalidSecretName: !!old && arr((old.spec as Obj | undefined)?.tls).some((t) => validateTLSSecretName(str((t as Obj)?.secretName)).length > 0),
    allowInvalidWildcardHostRule:
      !!old &&
      arr((old.spec as Obj | undefined)?.rules).some(
        (r) => isObj(r) && str(r.host).includes('*') && validateIngressRuleValue(r, '', { allowInvalidSecretName: false, allowInvalidWildcardHostRule: false }).length > 0,
      ),
  };
  if (rules.length === 0 && spec.defaultBackend == null) {
    // field.Invalid(fldPath, spec.Rules, …): a nil slice prints null, an empty one [].
    errs.push(invalid(path, Array.isArray(spec.rules) ? [] : null, 'either `defaultBackend` or `rules` must be specified'));
  }
  if (spec.defaultBackend != null) errs.push(...validateIngressBackend(isObj(spec.defaultBackend) ? spec.defaultBackend : {}, `${path}.defaultBackend`));
  if (rules.length > 0) errs.push(...validateIngressRules(rules, `${path}.rules`, opts));
  const tls = arr(spec.tls);
  if (tls.length > 0) errs.push(...validateIngressTLS(tls, `${path}.tls`, opts));
  if (typeof spec.ingressClassName === 'string') {
    for (const m of isDNS1123Subdomain(spec.ingressClassName)) errs.push(invalid(`${path}.ingressClassName`, spec.ingressClassName, m));
  }
  return errs;
}

function validateIngressRules(rules: unknown[], path: string, opts: Opts): FieldError[] {
  const errs: FieldError[] = [];
  rules.forEach((r, i) => {
    const rule = isObj(r) ? r : {};
    const host = str(rule.host);
    const hp = `${path}[${i}].host`;
    let wildcard = false;
    if (host) {
      if (parseIPSloppy(host)) errs.push(invalid(hp, host, 'must be a DNS name, not an IP address'));
      if (host.includes('*')) {
        for (const m of isWildcardDNS1123Subdomain(host)) errs.push(invalid(hp, host, m));
        wildcard = true;
      } else {
        for (const m of isDNS1123Subdomain(host)) errs.push(invalid(hp, host, m));
      }
    }
    if (!wildcard || !opts.allowInvalidWildcardHostRule) errs.push(...validateIngressRuleValue(rule, `${path}[${i}]`, opts));
  });
  return errs;
}

function validateIngressRuleValue(rule: Obj, path: string, _opts: Opts): FieldError[] {
  if (rule.http == null) return [];
  const http = isObj(rule.http) ? rule.http : {};
  const errs: FieldError[] = [];
  const paths = arr(http.paths);
  if (paths.length === 0) errs.push(required(`${path}.http.paths`));
  paths.forEach((p, i) => errs.push(...validateHTTPIngressPath(isObj(p) ? p : {}, `${path}.http.paths[${i}]`)));
  return errs;
}

function validateHTTPIngressPath(p: Obj, path: string): FieldError[] {
  if (p.pathType == null) return [required(`${path}.pathType`, 'pathType must be specified')];
  const errs: FieldError[] = [];
  const value = str(p.path);
  switch (p.pathType) {
    case 'Exact':
    case 'Prefix':
      if (!value.startsWith('/')) errs.push(invalid(`${path}.path`, value, 'must be an absolute path'));
      if (value.length > 0) {
        for (const seq of INVALID_PATH_SEQUENCES) if (value.includes(seq)) errs.push(invalid(`${path}.path`, value, `must not contain '${seq}'`));
        for (const suf of INVALID_PATH_SUFFIXES) if (value.endsWith(suf)) errs.push(invalid(`${path}.path`, value, `cannot end with '${suf}'`));
      }
      break;
    case 'ImplementationSpecific':
      if (value.length > 0 && !value.startsWith('/')) errs.push(invalid(`${path}.path`, value, 'must be an absolute path'));
      break;
    default:
      errs.push(notSupported(`${path}.pathType`, p.pathType, PATH_TYPES));
  }
  errs.push(...validateIngressBackend(isObj(p.backend) ? p.backend : {}, `${path}.backend`));
  return errs;
}

/** validateIngressBackend: exactly one of service or resource; a service needs a name and a port name or number. */
export function validateIngressBackend(b: Obj, path: string): FieldError[] {
  const hasResource = b.resource != null;
  const hasService = b.service != null;
  if (hasResource && hasService) return [invalid(path, '', 'cannot set both resource and service backends')];
  if (hasResource) return validateTypedLocalObjectReference(isObj(b.resource) ? b.resource : {}, `${path}.resource`);
  if (!hasService) return [invalid(path, '', 'resource or service backend is required')];
  const errs: FieldError[] = [];
  const svc = isObj(b.service) ? b.service : {};
  const name = str(svc.name);
  // ValidateServiceName is DNS-1035 in v1.34 (RelaxedServiceNameValidation is alpha, off).
  if (!name) errs.push(required(`${path}.service.name`));
  else for (const m of isDNS1035Label(name)) errs.push(invalid(`${path}.service.name`, name, m));
  const port = isObj(svc.port) ? svc.port : {};
  const portName = str(port.name);
  const portNumber = typeof port.number === 'number' ? port.number : 0;
  if (portName && portNumber) errs.push(invalid(path, '', 'cannot set both port name & port number'));
  else if (portName) for (const m of isValidPortName(portName)) errs.push(invalid(`${path}.service.port.name`, portName, m));
  else if (portNumber) {
    if (portNumber < 1 || portNumber > 65535) errs.push(invalid(`${path}.service.port.number`, portNumber, 'must be between 1 and 65535, inclusive'));
  } else errs.push(required(path, 'port name or number is required'));
  return errs;
}

/** content.IsPathSegmentName: may not be `.`/`..` nor contain `/` or `%`. */
function isPathSegmentName(v: string): string[] {
  if (v === '.' || v === '..') return [`may not be '${v}'`];
  const errs: string[] = [];
  for (const c of ['/', '%']) if (v.includes(c)) errs.push(`may not contain '${c}'`);
  return errs;
}

function validateTypedLocalObjectReference(r: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (typeof r.apiGroup === 'string') for (const m of isDNS1123Subdomain(r.apiGroup)) errs.push(invalid(`${path}.apiGroup`, r.apiGroup, m));
  for (const f of ['kind', 'name']) {
    const v = str(r[f]);
    if (!v) errs.push(required(`${path}.${f}`));
    else for (const m of isPathSegmentName(v)) errs.push(invalid(`${path}.${f}`, v, m));
  }
  return errs;
}

function validateTLSSecretName(name: string): string[] {
  return name ? isDNS1123Subdomain(name) : [];
}

function validateIngressTLS(tls: unknown[], path: string, opts: Opts): FieldError[] {
  const errs: FieldError[] = [];
  tls.forEach((t, ti) => {
    const entry = isObj(t) ? t : {};
    arr(entry.hosts).forEach((h, i) => {
      const host = str(h);
      const check = host.includes('*') ? isWildcardDNS1123Subdomain : isDNS1123Subdomain;
      for (const m of check(host)) errs.push(invalid(`${path}[${ti}].hosts[${i}]`, host, m));
    });
    if (!opts.allowInvalidSecretName) {
      const secretName = str(entry.secretName);
      for (const m of validateTLSSecretName(secretName)) errs.push(invalid(`${path}[${ti}].secretName`, secretName, m));
    }
  });
  return errs;
}

/** ValidateIngressStatusUpdate → ValidateIngressLoadBalancerStatus. */
export function validateIngressStatus(obj: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const lb = isObj(obj.status) && isObj((obj.status as Obj).loadBalancer) ? ((obj.status as Obj).loadBalancer as Obj) : {};
  arr(lb.ingress).forEach((e, i) => {
    const ing = isObj(e) ? e : {};
    const p = `status.loadBalancer.ingress[${i}]`;
    const ip = str(ing.ip);
    // IsValidIPForLegacyField without strict validation (StrictIPCIDRValidation is off in v1.34).
    if (ip && !parseIPSloppy(ip)) errs.push(invalid(`${p}.ip`, ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
    const hostname = str(ing.hostname);
    if (hostname) {
      for (const m of isDNS1123Subdomain(hostname)) errs.push(invalid(`${p}.hostname`, hostname, m));
      if (parseIPSloppy(hostname)) errs.push(invalid(`${p}.hostname`, hostname, 'must be a DNS name, not an IP address'));
    }
  });
  return errs;
}

const HTTP_PATH_FMT = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";
const reHttpPath = new RegExp(`^${HTTP_PATH_FMT}$`);

/** IsDomainPrefixedPath (apimachinery validation/path.go): `example.com/controller`. */
function isDomainPrefixedPath(path: string, v: string): FieldError[] {
  const i = v.indexOf('/');
  const host = i < 0 ? v : v.slice(0, i);
  const rest = i < 0 ? '' : v.slice(i + 1);
  if (i < 0 || !host || !rest) return [invalid(path, v, 'must be a domain-prefixed path (such as "acme.io/foo")')];
  const errs = isDNS1123Subdomain(host).map((m) => invalid(path, host, m));
  if (!reHttpPath.test(rest)) errs.push(invalid(path, rest, regexError('Invalid path', HTTP_PATH_FMT)));
  return errs;
}

/** ValidateIngressClass (spec part) and, with `old`, ValidateIngressClassUpdate (controller immutable). */
export function validateIngressClass(obj: Obj, old: Obj | undefined): FieldError[] {
  const spec = isObj(obj.spec) ? obj.spec : {};
  const errs: FieldError[] = [];
  if (old) {
    const oldSpec = isObj(old.spec) ? old.spec : {};
    if (str(spec.controller) !== str(oldSpec.controller)) errs.push(invalid('spec.controller', str(spec.controller), 'field is immutable'));
  }
  const controller = str(spec.controller);
  if (!controller) errs.push(required('spec.controller'));
  else {
    if (controller.length > MAX_LEN_INGRESS_CLASS_CONTROLLER) errs.push(tooLong('spec.controller', MAX_LEN_INGRESS_CLASS_CONTROLLER));
    errs.push(...isDomainPrefixedPath('spec.controller', controller));
  }
  if (spec.parameters != null) errs.push(...validateParametersReference(isObj(spec.parameters) ? spec.parameters : {}, 'spec.parameters'));
  return errs;
}

function validateParametersReference(p: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (typeof p.apiGroup === 'string') for (const m of isDNS1123Subdomain(p.apiGroup)) errs.push(invalid(`${path}.apiGroup`, p.apiGroup, m));
  for (const f of ['kind', 'name']) {
    const v = str(p[f]);
    if (!v) errs.push(required(`${path}.${f}`));
    else for (const m of isPathSegmentName(v)) errs.push(invalid(`${path}.${f}`, v, m));
  }
  if (p.scope == null) {
    errs.push(required(`${path}.scope`));
    return errs;
  }
  const scope = str(p.scope);
  if (!PARAMETER_SCOPES.includes(scope)) errs.push(notSupported(`${path}.scope`, scope, PARAMETER_SCOPES));
  else if (scope === 'Namespace') {
    if (p.namespace == null) errs.push(required(`${path}.namespace`, "`parameters.scope` is set to 'Namespace'"));
    else for (const m of isDNS1123Label(str(p.namespace))) errs.push(invalid(`${path}.namespace`, p.namespace, m));
  } else if (p.namespace != null) errs.push(forbidden(`${path}.namespace`, "`parameters.scope` is set to 'Cluster'"));
  return errs;
}

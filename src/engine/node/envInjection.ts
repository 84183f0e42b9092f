/**
 * The environment a container starts with. Mirrors pkg/kubelet/kubelet_pods.go
 * (makeEnvironmentVariables), third_party/forked/golang/expansion/expand.go ($(VAR) expansion)
 * and the kubelet's configmap/secret managers (pkg/kubelet/configmap, pkg/kubelet/secret), whose
 * "not found" errors name the resource in the singular.
 */
import { cpuMillis, memoryBytes } from '../api/quantity.ts';
import type { ComponentContext } from '../component.ts';
import type { Container, V1Pod } from '../scheduler/types.ts';
import type { ValueSource } from '../types.ts';
import { NO_SERVICE_ENV, type ServiceEnv } from './serviceLinks.ts';

type Obj = Record<string, unknown>;
const kindTitle = { configmap: 'ConfigMap', secret: 'Secret' } as const;
/** The kubelet's view of a ConfigMap or Secret: its string values, or undefined when it does not exist. */
export type ConfigSource = (kind: 'configmap' | 'secret', namespace: string, name: string) => Record<string, string> | undefined;

/** Why the kubelet reads a ConfigMap or Secret: a container's environment, or a volume's files. */
export type ConfigPurpose = { container: string } | { volume: string; sync?: boolean };

/** What the kubelet's config reads need: its requests (quiet), its hops, and who it is. */
export interface ConfigReader {
  request: ComponentContext['request'];
  trace: ComponentContext['trace'];
  nodeName: string;
  podName: string;
  userAgent: string;
}

/**
 * The kubelet's read of a ConfigMap or Secret (its watch-based cache upstream): a GET through the
 * API, each object read at most once per call site's source. `binary` keeps ConfigMap binaryData.
 * The read is drawn as its own hop (`kubeletFetchConfig` / `kubeletFetchVolume`, kubelet → apiserver) that says why the
 * kubelet reads it; a missing object is the API server's `apiError` answer. The periodic volume
 * sync (`purpose.sync`) reads quietly: every 60 s per pod would drown the diagram (the kubelet
 * draws a hop when the files change instead).
 */
export function apiConfigSource(r: ConfigReader, causeId: number | undefined, binary = false, purpose?: ConfigPurpose): ConfigSource {
  const seen = new Map<string, Record<string, string> | undefined>();
  return (kind, ns, name) => {
    const key = `${kind}/${name}`;
    if (seen.has(key)) return seen.get(key);
    const path = `/api/v1/namespaces/${ns}/${kind}s/${name}`;
    const drawn = !(purpose && 'sync' in purpose && purpose.sync);
    const object = `${kindTitle[kind]}/${ns}/${name}`;
    const hop = drawn
      ? r.trace({
          from: 'kubelet', to: 'apiserver', node: r.nodeName, verb: `GET ${path}`, kind: purpose && 'volume' in purpose ? 'kubeletFetchVolume' : 'kubeletFetchConfig', duration: 0, causeId, object,
          args: {
            node: r.nodeName, pod: r.podName, kind: kindTitle[kind], name, namespace: ns,
            ...(purpose && 'container' in purpose ? { container: purpose.container } : {}),
            ...(purpose && 'volume' in purpose ? { volume: purpose.volume } : {}),
          },
          summary: purpose && 'volume' in purpose
            ? `The kubelet on ${r.nodeName} reads ${kindTitle[kind]} ${name} to fill volume ${purpose.volume} of pod ${r.podName}.`
            : `The kubelet on ${r.nodeName} reads ${kindTitle[kind]} ${name} to build container ${purpose && 'container' in purpose ? purpose.container : '?'}'s environment.`,
        }).id
      : undefined;
    const res = r.request({ verb: 'GET', path, causeId, userAgent: r.userAgent, quiet: true });
    const v = res.code === 200 && res.body && typeof res.body === 'object' ? configValues(kind, res.body as Record<string, unknown>, binary) : undefined;
    if (!v && drawn) {
      const st = (res.body ?? {}) as { code?: number; reason?: string; message?: string };
      r.trace({
        from: 'apiserver', to: 'kubelet', node: r.nodeName, verb: `${res.code} ${st.reason ?? ''}`.trim(), kind: 'apiError', duration: 0, causeId: hop || undefined, object,
        args: { code: res.code, reason: st.reason ?? '', message: st.message ?? '' },
        summary: `The API server rejected the request: ${st.message ?? ''}`, payload: res.body,
      });
    }
    seen.set(key, v);
    return v;
  };
}

export interface EnvResult {
  /**
   * Name/value pairs in the order they were first defined (envFrom, then env), then the service
   * variables the container did not define itself.
   */
  env: [string, string][];
  /** Where each value of `env` came from (same order). */
  sources: ValueSource[];
  /** The error that keeps the container in CreateContainerConfigError. */
  error?: string;
  /** InvalidEnvironmentVariableNames warnings (Warning events on the pod). */
  warnings: string[];
}

/** Decodes a Secret's base64 `data` value (bytes as UTF-8). */
export function decodeBase64(s: string): string {
  try {
    const bin = atob(s);
    return new TextDecoder().decode(Uint8Array.from(bin, (ch) => ch.charCodeAt(0)));
  } catch {
    return s;
  }
}

/**
 * A ConfigMap's `data` (plus `binaryData` decoded when `binary`: volumes get those files, env
 * does not), or a Secret's `data` decoded plus `stringData` (if the store kept it).
 */
export function configValues(kind: 'configmap' | 'secret', obj: Obj, binary = false): Record<string, string> {
  const out: Record<string, string> = {};
  if (binary && kind === 'configmap') for (const [k, v] of Object.entries((obj.binaryData ?? {}) as Record<string, string>)) out[k] = decodeBase64(String(v));
  const data = (obj.data ?? {}) as Record<string, string>;
  for (const [k, v] of Object.entries(data)) out[k] = kind === 'secret' ? decodeBase64(String(v)) : String(v);
  if (kind === 'secret') for (const [k, v] of Object.entries((obj.stringData ?? {}) as Record<string, string>)) out[k] = String(v);
  return out;
}

/**
 * IsEnvVarName with RelaxedEnvironmentVariableValidation (GA in v1.34): any printable ASCII
 * except '='.
 */
export function isEnvVarName(name: string): boolean {
  return name.length > 0 && /^[\x20-\x3c\x3e-\x7e]+$/.test(name);
}

/** expansion.Expand: `$(VAR)` becomes VAR's value when defined, `$$` becomes `$`, anything else stays. */
export function expand(input: string, mapping: (name: string) => string | undefined): string {
  let buf = '';
  let checkpoint = 0;
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] !== '$' || cursor + 1 >= input.length) continue;
    buf += input.slice(checkpoint, cursor);
    const rest = input.slice(cursor + 1);
    let read: string;
    let advance = 1;
    if (rest[0] === '$') read = '$';
    else if (rest[0] === '(') {
      const close = rest.indexOf(')', 1);
      if (close < 0) read = '$(';
      else {
        const name = rest.slice(1, close);
        read = mapping(name) ?? `$(${name})`;
        advance = close + 1;
      }
    } else read = `$${rest[0]}`;
    buf += read;
    cursor += advance;
    checkpoint = cursor + 1;
  }
  return buf + input.slice(checkpoint);
}

/** fieldRef values the kubelet resolves itself (podFieldSelectorRuntimeValue). */
function fieldValue(pod: V1Pod, path: string, hostIP: string, podIP: string): string {
  const m = pod.metadata;
  const spec = (pod.spec ?? {}) as Obj;
  const label = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (label) return String(((m as Obj)[label[1]!] as Record<string, string> | undefined)?.[label[2]!] ?? '');
  const values: Record<string, string> = {
    'metadata.name': m.name, 'metadata.namespace': m.namespace ?? 'default', 'metadata.uid': m.uid ?? '',
    'spec.nodeName': String(spec.nodeName ?? ''), 'spec.serviceAccountName': String(spec.serviceAccountName ?? 'default'),
    'status.hostIP': hostIP, 'status.hostIPs': hostIP, 'status.podIP': podIP, 'status.podIPs': podIP,
  };
  return values[path] ?? '';
}

/** What a `resourceFieldRef` reads when the container sets no limit: the node's allocatable. */
export interface NodeAllocatable {
  cpu: string;
  memory: string;
}

/**
 * containerResourceRuntimeValue (pkg/api/v1/resource/helpers.go ExtractContainerResourceValue):
 * limits.* fall back to the node's allocatable when unset; the value is divided by the divisor
 * (default 1) and rounded up. Only cpu and memory are modelled.
 */
function resourceValue(spec: Container, ref: { resource: string; divisor?: string | number }, node: NodeAllocatable | undefined): string {
  const [part, res] = ref.resource.split('.') as ['limits' | 'requests', string];
  const given = (spec.resources?.[part] as Record<string, string | number> | undefined)?.[res];
  const fallback = part === 'limits' ? node?.[res as 'cpu' | 'memory'] : undefined;
  const q = given ?? (part === 'requests' ? spec.resources?.limits?.[res] : undefined) ?? fallback;
  if (q === undefined) return '0';
  if (res === 'cpu') {
    const div = cpuMillis(ref.divisor ?? '1') || 1000;
    return String(Math.ceil((cpuMillis(q) ?? 0) / div));
  }
  if (res === 'memory' || res === 'ephemeral-storage') {
    const div = memoryBytes(ref.divisor ?? '1') || 1;
    return String(Math.ceil((memoryBytes(q) ?? 0) / div));
  }
  return '0';
}

/** Options of {@link makeEnvironmentVariables} beyond the pod and container. */
export interface EnvOptions {
  /** The service variables (FromServices): `$(VAR)` may name them, and they follow the container's own. */
  serviceEnv?: ServiceEnv;
  /** For resourceFieldRef limits the container does not set. */
  node?: NodeAllocatable;
}

/**
 * makeEnvironmentVariables: envFrom first (prefix, invalid names skipped), then env (valueFrom,
 * `$(VAR)` expansion over what is defined so far and the service variables), then the service
 * variables the container did not define. A missing object or key that is not optional is the
 * error the container waits on. Each value keeps its source (for the inspector).
 */
export function makeEnvironmentVariables(pod: V1Pod, container: Container, get: ConfigSource, ips: { hostIP: string; podIP: string }, opts: EnvOptions = {}): EnvResult {
  const ns = pod.metadata.namespace ?? 'default';
  const services = opts.serviceEnv ?? NO_SERVICE_ENV;
  const serviceVars = services.env.length ? new Map(services.env) : undefined;
  const tmp = new Map<string, string>();
  const src = new Map<string, ValueSource>();
  const warnings: string[] = [];
  const fail = (error: string): EnvResult => ({ env: [], sources: [], error, warnings });
  const LITERAL: ValueSource = { type: 'literal' };
  for (const from of container.envFrom ?? []) {
    const ref = from.configMapRef ? { kind: 'configmap' as const, r: from.configMapRef } : from.secretRef ? { kind: 'secret' as const, r: from.secretRef } : undefined;
    if (!ref) continue;
    const name = ref.r.name ?? '';
    const data = get(ref.kind, ns, name);
    if (!data) {
      if (ref.r.optional) continue;
      return fail(`${ref.kind} "${name}" not found`);
    }
    const invalid: string[] = [];
    for (const [k0, v] of Object.entries(data)) {
      const k = (from.prefix ?? '') + k0;
      if (!isEnvVarName(k)) {
        invalid.push(k);
        continue;
      }
      tmp.set(k, v);
      src.set(k, { type: ref.kind === 'configmap' ? 'configMap' : 'secret', name, key: k0, via: 'envFrom' });
    }
    if (invalid.length) {
      invalid.sort();
      warnings.push(`Keys [${invalid.join(', ')}] from the EnvFrom ${ref.kind === 'configmap' ? 'configMap' : 'secret'} ${ns}/${name} were skipped since they are considered invalid environment variable names.`);
    }
  }
  for (const e of container.env ?? []) {
    let value = e.value ?? '';
    let source: ValueSource = LITERAL;
    if (value !== '') value = expand(value, (n) => tmp.get(n) ?? serviceVars?.get(n));
    else if (e.valueFrom) {
      const vf = e.valueFrom;
      const keyRef = vf.configMapKeyRef ? { kind: 'configmap' as const, r: vf.configMapKeyRef } : vf.secretKeyRef ? { kind: 'secret' as const, r: vf.secretKeyRef } : undefined;
      if (keyRef) {
        const name = keyRef.r.name ?? '';
        const data = get(keyRef.kind, ns, name);
        if (!data) {
          if (keyRef.r.optional) continue;
          return fail(`${keyRef.kind} "${name}" not found`);
        }
        if (!(keyRef.r.key in data)) {
          if (keyRef.r.optional) continue;
          return fail(`couldn't find key ${keyRef.r.key} in ${kindTitle[keyRef.kind]} ${ns}/${name}`);
        }
        value = data[keyRef.r.key]!;
        source = { type: keyRef.kind === 'configmap' ? 'configMap' : 'secret', name, key: keyRef.r.key, via: 'env' };
      } else if (vf.fieldRef) {
        value = fieldValue(pod, vf.fieldRef.fieldPath, ips.hostIP, ips.podIP);
        source = { type: 'fieldRef', fieldPath: vf.fieldRef.fieldPath };
      } else if (vf.resourceFieldRef) {
        value = resourceValue(container, vf.resourceFieldRef as { resource: string; divisor?: string }, opts.node);
        source = { type: 'resourceFieldRef', resource: vf.resourceFieldRef.resource };
      }
    }
    tmp.set(e.name, value);
    src.set(e.name, source);
  }
  const env = [...tmp];
  const sources = env.map(([k]) => src.get(k)!);
  services.env.forEach(([k, v], i) => {
    if (tmp.has(k)) return;
    env.push([k, v]);
    sources.push(services.sources[i]!);
  });
  return { env, sources, warnings };
}

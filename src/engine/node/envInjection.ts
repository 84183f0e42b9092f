/**
 * The environment a container starts with. Mirrors pkg/kubelet/kubelet_pods.go
 * (makeEnvironmentVariables), third_party/forked/golang/expansion/expand.go ($(VAR) expansion)
 * and the kubelet's configmap/secret managers (pkg/kubelet/configmap, pkg/kubelet/secret), whose
 * "not found" errors name the resource in the singular.
 */
import type { ComponentContext } from '../component.ts';
import type { Container, V1Pod } from '../scheduler/types.ts';

type Obj = Record<string, unknown>;
/** The kubelet's view of a ConfigMap or Secret: its string values, or undefined when it does not exist. */
export type ConfigSource = (kind: 'configmap' | 'secret', namespace: string, name: string) => Record<string, string> | undefined;

/**
 * The kubelet's read of a ConfigMap or Secret (its watch-based cache upstream): a GET through the
 * API, each object read at most once per call site's source. `binary` keeps ConfigMap binaryData.
 */
export function apiConfigSource(request: ComponentContext['request'], causeId: number | undefined, userAgent: string, binary = false): ConfigSource {
  const seen = new Map<string, Record<string, string> | undefined>();
  return (kind, ns, name) => {
    const key = `${kind}/${name}`;
    if (seen.has(key)) return seen.get(key);
    const res = request({ verb: 'GET', path: `/api/v1/namespaces/${ns}/${kind}s/${name}`, causeId, userAgent });
    const v = res.code === 200 && res.body && typeof res.body === 'object' ? configValues(kind, res.body as Record<string, unknown>, binary) : undefined;
    seen.set(key, v);
    return v;
  };
}

export interface EnvResult {
  /** Name/value pairs in the order they were first defined (envFrom, then env). */
  env: [string, string][];
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

const kindTitle = { configmap: 'ConfigMap', secret: 'Secret' } as const;

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

/**
 * makeEnvironmentVariables: envFrom first (prefix, invalid names skipped), then env (valueFrom,
 * `$(VAR)` expansion over what is defined so far). A missing object or key that is not optional
 * is the error the container waits on.
 */
export function makeEnvironmentVariables(pod: V1Pod, container: Container, get: ConfigSource, ips: { hostIP: string; podIP: string }): EnvResult {
  const ns = pod.metadata.namespace ?? 'default';
  const tmp = new Map<string, string>();
  const warnings: string[] = [];
  const fail = (error: string): EnvResult => ({ env: [], error, warnings });
  for (const src of container.envFrom ?? []) {
    const ref = src.configMapRef ? { kind: 'configmap' as const, r: src.configMapRef } : src.secretRef ? { kind: 'secret' as const, r: src.secretRef } : undefined;
    if (!ref) continue;
    const name = ref.r.name ?? '';
    const data = get(ref.kind, ns, name);
    if (!data) {
      if (ref.r.optional) continue;
      return fail(`${ref.kind} "${name}" not found`);
    }
    const invalid: string[] = [];
    for (const [k0, v] of Object.entries(data)) {
      const k = (src.prefix ?? '') + k0;
      if (!isEnvVarName(k)) {
        invalid.push(k);
        continue;
      }
      tmp.set(k, v);
    }
    if (invalid.length) {
      invalid.sort();
      warnings.push(`Keys [${invalid.join(', ')}] from the EnvFrom ${ref.kind === 'configmap' ? 'configMap' : 'secret'} ${ns}/${name} were skipped since they are considered invalid environment variable names.`);
    }
  }
  for (const e of container.env ?? []) {
    let value = e.value ?? '';
    if (value !== '') value = expand(value, (n) => tmp.get(n));
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
      } else if (vf.fieldRef) value = fieldValue(pod, vf.fieldRef.fieldPath, ips.hostIP, ips.podIP);
    }
    tmp.set(e.name, value);
  }
  return { env: [...tmp], warnings };
}

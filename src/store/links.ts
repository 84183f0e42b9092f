/**
 * Which pods the selected object is linked to, and how: a ConfigMap or Secret used through env
 * (`env`, `envFrom`) or a volume (`volume`); a Service's or Ingress's backends (`endpoint` when
 * ready, `endpoint-not-ready` when in the EndpointSlice but not ready). Pure: computed from the
 * store's objects; PodList passes each chip its link.
 */
import type { KubeObject } from '../protocol/types.ts';
import type { Selection } from './index.ts';

export type PodLink = 'env' | 'volume' | 'env+volume' | 'endpoint' | 'endpoint-not-ready';

type ByResource = Record<string, Record<string, KubeObject>>;

const PODS = 'pods';
export const SERVICES = 'services';
export const ENDPOINT_SLICES = 'endpointslices.discovery.k8s.io';
export const INGRESSES = 'ingresses.networking.k8s.io';
/** EndpointSlices name their Service in this label (k8s.io/api discovery/v1 LabelServiceName). */
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** EndpointSlices of Service `namespace/name` (by the service-name label), by name. */
export function slicesOf(byResource: ByResource, namespace: string, name: string): KubeObject[] {
  const out: KubeObject[] = [];
  for (const sl of Object.values(byResource[ENDPOINT_SLICES] ?? {})) {
    if ((sl.metadata.namespace ?? 'default') === namespace && sl.metadata.labels?.[SERVICE_NAME_LABEL] === name) out.push(sl);
  }
  return out.sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
}

interface KeyRef { name?: string }
interface ContainerShape {
  env?: { valueFrom?: { configMapKeyRef?: KeyRef; secretKeyRef?: KeyRef } }[];
  envFrom?: { configMapRef?: KeyRef; secretRef?: KeyRef }[];
  volumeMounts?: { name: string; mountPath: string; subPath?: string }[];
}
interface VolumeShape {
  name: string;
  configMap?: KeyRef;
  secret?: { secretName?: string };
  projected?: { sources?: { configMap?: KeyRef; secret?: KeyRef }[] };
}
interface PodShape {
  spec?: { containers?: ContainerShape[]; initContainers?: ContainerShape[]; volumes?: VolumeShape[] };
}

/** One way a pod uses a ConfigMap or Secret: a container's env, or a volume mounted at a path. */
export interface ConfigUse {
  container: string;
  via: 'env' | 'volume';
  /** The variable names (`envFrom` for a whole-object import) or the mount path (volume). */
  detail: string;
}

function parts(key: string): { resource: string; namespace: string; name: string } {
  const [resource = '', namespace = '', ...rest] = key.split('/');
  return { resource, namespace, name: rest.join('/') };
}

/**
 * How pod `pod` uses the ConfigMap (`kind` configmap) or Secret named `name`: each container's
 * env/envFrom reference and each mount of a volume that projects it.
 */
export function configUses(pod: KubeObject, kind: 'configmap' | 'secret', name: string): ConfigUse[] {
  const spec = (pod as PodShape).spec ?? {};
  const refOf = (r: { configMapKeyRef?: KeyRef; secretKeyRef?: KeyRef; configMapRef?: KeyRef; secretRef?: KeyRef } | undefined) =>
    kind === 'configmap' ? (r?.configMapKeyRef ?? r?.configMapRef)?.name : (r?.secretKeyRef ?? r?.secretRef)?.name;
  const vols = new Set((spec.volumes ?? []).filter((v) => (kind === 'configmap'
    ? v.configMap?.name === name || v.projected?.sources?.some((s) => s.configMap?.name === name)
    : v.secret?.secretName === name || v.projected?.sources?.some((s) => s.secret?.name === name))).map((v) => v.name));
  const out: ConfigUse[] = [];
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])] as (ContainerShape & { name: string })[]) {
    const names = [
      ...(c.envFrom ?? []).filter((e) => refOf(e) === name).map(() => 'envFrom'),
      ...(c.env ?? []).filter((e) => refOf(e.valueFrom) === name).map((e) => (e as { name?: string }).name ?? ''),
    ];
    if (names.length) out.push({ container: c.name, via: 'env', detail: names.join(', ') });
    for (const m of c.volumeMounts ?? []) if (vols.has(m.name)) out.push({ container: c.name, via: 'volume', detail: m.subPath ? `${m.mountPath} (subPath ${m.subPath})` : m.mountPath });
  }
  return out;
}

function configLinks(byResource: ByResource, kind: 'configmap' | 'secret', namespace: string, name: string): Record<string, PodLink> {
  const out: Record<string, PodLink> = {};
  for (const [key, pod] of Object.entries(byResource[PODS] ?? {})) {
    if ((pod.metadata.namespace ?? 'default') !== namespace) continue;
    const uses = configUses(pod, kind, name);
    if (!uses.length) continue;
    const env = uses.some((u) => u.via === 'env');
    const vol = uses.some((u) => u.via === 'volume');
    out[key] = env && vol ? 'env+volume' : env ? 'env' : 'volume';
  }
  return out;
}

function matches(selector: Record<string, string>, labels: Record<string, string> | undefined): boolean {
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

/** Pods behind Service `namespace/name`: its EndpointSlices, or (none yet) its selector. */
function serviceLinks(byResource: ByResource, namespace: string, name: string, out: Record<string, PodLink> = {}): Record<string, PodLink> {
  const slices = slicesOf(byResource, namespace, name);
  if (slices.length) {
    for (const s of slices) {
      const eps = (s as { endpoints?: { targetRef?: { kind?: string; name?: string; namespace?: string }; conditions?: { ready?: boolean | null } }[] }).endpoints ?? [];
      for (const ep of eps) {
        const ref = ep.targetRef;
        if (ref?.kind !== 'Pod' || !ref.name) continue;
        const key = `${PODS}/${ref.namespace ?? namespace}/${ref.name}`;
        // Ready is what traffic goes to: a pod in two slices counts as ready if either says so.
        const ready = ep.conditions?.ready !== false;
        if (ready || out[key] !== 'endpoint') out[key] = ready ? 'endpoint' : 'endpoint-not-ready';
      }
    }
    return out;
  }
  const svc = byResource[SERVICES]?.[`${SERVICES}/${namespace}/${name}`] as { spec?: { selector?: Record<string, string> } } | undefined;
  const selector = svc?.spec?.selector;
  if (!selector || !Object.keys(selector).length) return out;
  for (const [key, pod] of Object.entries(byResource[PODS] ?? {})) {
    if ((pod.metadata.namespace ?? 'default') !== namespace || !matches(selector, pod.metadata.labels)) continue;
    const ready = ((pod as { status?: { conditions?: { type: string; status: string }[] } }).status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
    if (ready || out[key] !== 'endpoint') out[key] = ready ? 'endpoint' : 'endpoint-not-ready';
  }
  return out;
}

/** The Services an Ingress sends to: every rule path's backend and the default backend. */
export function ingressServices(ing: KubeObject): string[] {
  type Backend = { service?: { name?: string } };
  const spec = (ing as { spec?: { defaultBackend?: Backend; rules?: { http?: { paths?: { backend?: Backend }[] } }[] } }).spec;
  const names = new Set<string>();
  if (spec?.defaultBackend?.service?.name) names.add(spec.defaultBackend.service.name);
  for (const r of spec?.rules ?? []) for (const p of r.http?.paths ?? []) if (p.backend?.service?.name) names.add(p.backend.service.name);
  return [...names];
}

/** Pod key → link for the selection; empty when the selection is not a config or network object. */
export function linkedPods(byResource: ByResource, selection: Selection | undefined): Record<string, PodLink> {
  if (!selection) return {};
  const { namespace, name } = parts(selection.key);
  switch (selection.kind) {
    case 'configmap':
    case 'secret':
      return configLinks(byResource, selection.kind, namespace, name);
    case 'service':
      return serviceLinks(byResource, namespace, name);
    case 'ingress': {
      const ing = byResource[INGRESSES]?.[selection.key];
      const out: Record<string, PodLink> = {};
      if (ing) for (const svc of ingressServices(ing)) serviceLinks(byResource, namespace, svc, out);
      return out;
    }
    default:
      return {};
  }
}

/** A ConfigMap or Secret as the cluster view's strip shows it. */
export interface ConfigSummary {
  key: string;
  kind: 'configmap' | 'secret';
  name: string;
  namespace: string;
  keys: number;
  /** Pods of its namespace that reference it (env, envFrom or a volume). */
  pods: number;
}

const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

/** Names of the ConfigMaps and Secrets pod `pod` references (env, envFrom, volumes, projected). */
function configRefs(pod: KubeObject): { configmap: Set<string>; secret: Set<string> } {
  const spec = (pod as PodShape).spec ?? {};
  const refs = { configmap: new Set<string>(), secret: new Set<string>() };
  const add = (kind: 'configmap' | 'secret', n: string | undefined) => { if (n) refs[kind].add(n); };
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    for (const e of c.envFrom ?? []) { add('configmap', e.configMapRef?.name); add('secret', e.secretRef?.name); }
    for (const e of c.env ?? []) { add('configmap', e.valueFrom?.configMapKeyRef?.name); add('secret', e.valueFrom?.secretKeyRef?.name); }
  }
  for (const v of spec.volumes ?? []) {
    add('configmap', v.configMap?.name);
    add('secret', v.secret?.secretName);
    for (const s of v.projected?.sources ?? []) { add('configmap', s.configMap?.name); add('secret', s.secret?.name); }
  }
  return refs;
}

/**
 * The user's ConfigMaps and Secrets (system namespaces, `kube-root-ca.crt` and service-account
 * token Secrets left out), sorted by namespace, kind, name, with their key and user counts.
 */
export function configSummaries(byResource: ByResource): ConfigSummary[] {
  const uses = new Map<string, number>();
  // Pods change every frame while things happen; without config objects there is nothing to count.
  if (!Object.keys(byResource.configmaps ?? {}).length && !Object.keys(byResource.secrets ?? {}).length) return [];
  for (const pod of Object.values(byResource[PODS] ?? {})) {
    const ns = pod.metadata.namespace ?? 'default';
    const refs = configRefs(pod);
    for (const n of refs.configmap) uses.set(`configmaps/${ns}/${n}`, (uses.get(`configmaps/${ns}/${n}`) ?? 0) + 1);
    for (const n of refs.secret) uses.set(`secrets/${ns}/${n}`, (uses.get(`secrets/${ns}/${n}`) ?? 0) + 1);
  }
  const out: ConfigSummary[] = [];
  for (const [resource, kind] of [['configmaps', 'configmap'], ['secrets', 'secret']] as const) {
    for (const [key, o] of Object.entries(byResource[resource] ?? {})) {
      const namespace = o.metadata.namespace ?? 'default';
      if (SYSTEM_NAMESPACES.has(namespace) || o.metadata.name === 'kube-root-ca.crt') continue;
      const x = o as { type?: string; data?: object; binaryData?: object; stringData?: object };
      if (x.type === 'kubernetes.io/service-account-token') continue;
      const keys = new Set([...Object.keys(x.data ?? {}), ...Object.keys(x.binaryData ?? {}), ...Object.keys(x.stringData ?? {})]).size;
      out.push({ key, kind, name: o.metadata.name, namespace, keys, pods: uses.get(key) ?? 0 });
    }
  }
  return out.sort((a, b) => a.namespace.localeCompare(b.namespace) || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
}

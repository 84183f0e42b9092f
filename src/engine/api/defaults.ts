/**
 * Defaulting, run when the server decodes a body. Mirrors k/k pkg/apis/core/v1/defaults.go
 * (SetDefaults_Pod, SetDefaults_PodSpec, SetDefaults_Container, SetDefaults_Probe,
 * SetDefaults_ResourceList, SetDefaults_Namespace, SetDefaults_NodeStatus) and
 * pkg/apis/apps/v1/defaults.go (SetDefaults_Deployment, SetDefaults_ReplicaSet). Mutates in place.
 */
import { defaultPodDisruptionBudget } from './policyValidation.ts';
import { defaultPriorityClass } from './schedulingValidation.ts';
import { formatQuantity, roundUpToMilli, tryParseQuantity } from './quantity.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);

/** ParseImageName's tag: `latest` when the image has neither tag nor digest. */
export function imageTag(image: string): string {
  if (image.includes('@')) return '';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  return colon > lastSlash ? image.slice(colon + 1) : 'latest';
}

/**
 * Canonical forms already computed (null: not a quantity). Every status PATCH re-defaults the
 * whole pod, so the same few request strings come through thousands of times.
 */
const canonical = new Map<string | number, string | null>();
const MAX_CANONICAL = 4096;

function canonicalQuantity(v: string | number): string | null {
  let c = canonical.get(v);
  if (c === undefined) {
    const q = tryParseQuantity(v);
    c = q ? formatQuantity(roundUpToMilli(q)) : null;
    if (canonical.size >= MAX_CANONICAL) canonical.clear();
    canonical.set(v, c);
  }
  return c;
}

function defaultResourceList(list: unknown): void {
  if (!isObj(list)) return;
  for (const k in list) {
    const v = list[k];
    if (typeof v !== 'string' && typeof v !== 'number') continue;
    const s = canonicalQuantity(v);
    // Assign only on change: PATCH bodies may share (frozen) lists with the stored object.
    if (s !== null && s !== v) list[k] = s;
  }
}

function defaultProbe(p: unknown): void {
  if (!isObj(p)) return;
  p.timeoutSeconds ??= 1;
  p.periodSeconds ??= 10;
  p.successThreshold ??= 1;
  p.failureThreshold ??= 3;
  if (isObj(p.httpGet)) {
    p.httpGet.path ??= '/';
    p.httpGet.scheme ??= 'HTTP';
  }
}

/** `pod`: SetDefaults_Pod's extras (limits → requests) apply to Pods, not to pod templates. */
function defaultContainer(c: Obj, pod: boolean): void {
  if (c.imagePullPolicy === undefined || c.imagePullPolicy === '') {
    // Upstream ignores the parse error of an empty image (validation reports it): IfNotPresent.
    c.imagePullPolicy = typeof c.image === 'string' && c.image && imageTag(c.image) === 'latest' ? 'Always' : 'IfNotPresent';
  }
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  for (const p of arr(c.ports)) p.protocol ??= 'TCP';
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) defaultProbe(c[probe]);
  if (isObj(c.resources)) {
    const r = c.resources;
    // SetDefaults_Pod: requests copied from limits when a resource has a limit but no request.
    if (pod && isObj(r.limits)) {
      if (!isObj(r.requests)) r.requests = {};
      const req = r.requests as Obj;
      for (const [k, v] of Object.entries(r.limits)) if (req[k] === undefined) req[k] = v;
    }
    defaultResourceList(r.limits);
    defaultResourceList(r.requests);
  }
}

function defaultVolume(v: Obj): void {
  const sources = ['emptyDir', 'hostPath', 'secret', 'configMap', 'projected', 'downwardAPI', 'persistentVolumeClaim', 'nfs', 'csi', 'ephemeral'];
  if (!sources.some((s) => v[s] !== undefined)) v.emptyDir = {};
  for (const s of ['secret', 'configMap', 'projected', 'downwardAPI']) if (isObj(v[s])) (v[s] as Obj).defaultMode ??= 420;
}

/** Default a Pod body (spec and containers). */
export function defaultPod(pod: Obj): void {
  if (!isObj(pod.spec)) return;
  defaultPodSpec(pod.spec, true);
}

/**
 * Default a PodSpec. `pod` false is a pod template (Deployment, ReplicaSet): SetDefaults_PodSpec
 * and the nested defaulters only; SetDefaults_Pod's enableServiceLinks, limits → requests and
 * hostNetwork ports materialize on Pods alone (DefaultHostNetworkHostPortsInPodTemplates is off).
 */
export function defaultPodSpec(spec: Obj, pod = true): void {
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.restartPolicy ??= 'Always';
  spec.securityContext ??= {};
  spec.terminationGracePeriodSeconds ??= 30;
  spec.schedulerName ??= 'default-scheduler';
  if (pod) spec.enableServiceLinks ??= true;
  for (const c of arr(spec.containers)) defaultContainer(c, pod);
  for (const c of arr(spec.initContainers)) defaultContainer(c, pod);
  for (const v of arr(spec.volumes)) defaultVolume(v);
  if (pod && spec.hostNetwork === true) {
    for (const c of arr(spec.containers)) for (const p of arr(c.ports)) p.hostPort ??= p.containerPort;
  }
}

/** The Go template struct always exists, so its pod spec is always defaulted. */
function defaultTemplate(spec: Obj): void {
  if (!isObj(spec.template)) spec.template = {};
  const t = spec.template as Obj;
  if (!isObj(t.spec)) t.spec = {};
  defaultPodSpec(t.spec as Obj, false);
}

/** SetDefaults_Deployment (apps/v1): replicas 1, RollingUpdate 25%/25%, history 10, deadline 600 s. */
export function defaultDeployment(d: Obj): void {
  if (!isObj(d.spec)) d.spec = {};
  const spec = d.spec as Obj;
  spec.replicas ??= 1;
  if (!isObj(spec.strategy)) spec.strategy = {};
  const strategy = spec.strategy as Obj;
  if (strategy.type === undefined || strategy.type === '') strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    if (!isObj(strategy.rollingUpdate)) strategy.rollingUpdate = {};
    const ru = strategy.rollingUpdate as Obj;
    ru.maxUnavailable ??= '25%';
    ru.maxSurge ??= '25%';
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  defaultTemplate(spec);
}

/** SetDefaults_ReplicaSet (apps/v1): replicas 1. */
export function defaultReplicaSet(rs: Obj): void {
  if (!isObj(rs.spec)) rs.spec = {};
  const spec = rs.spec as Obj;
  spec.replicas ??= 1;
  defaultTemplate(spec);
}

export function defaultNamespace(ns: Obj): void {
  const meta = (isObj(ns.metadata) ? ns.metadata : (ns.metadata = {})) as Obj;
  if (typeof meta.name === 'string' && meta.name) {
    const labels = (isObj(meta.labels) ? meta.labels : (meta.labels = {})) as Obj;
    if (labels['kubernetes.io/metadata.name'] !== meta.name) meta.labels = { ...labels, 'kubernetes.io/metadata.name': meta.name };
  }
  const status = (isObj(ns.status) ? ns.status : (ns.status = {})) as Obj;
  status.phase ??= 'Active';
  const spec = (isObj(ns.spec) ? ns.spec : (ns.spec = {})) as Obj;
  spec.finalizers ??= ['kubernetes'];
}

export function defaultNode(node: Obj): void {
  if (!isObj(node.status)) return;
  const st = node.status;
  if (isObj(st.capacity) && st.allocatable === undefined) st.allocatable = { ...st.capacity };
  defaultResourceList(st.capacity);
  defaultResourceList(st.allocatable);
}

/** The defaulting function for a kind, if any. */
export const DEFAULTERS: Record<string, (o: Obj) => void> = {
  Pod: defaultPod,
  Namespace: defaultNamespace,
  Node: defaultNode,
  Deployment: defaultDeployment,
  ReplicaSet: defaultReplicaSet,
  PodDisruptionBudget: defaultPodDisruptionBudget,
  PriorityClass: defaultPriorityClass,
};

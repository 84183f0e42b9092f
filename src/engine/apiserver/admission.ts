/**
 * Mutating admission for pods, in upstream order (k/k pkg/kubeapiserver/options/plugins.go
 * AllOrderedPlugins): ServiceAccount, Priority, DefaultTolerationSeconds. NamespaceLifecycle runs
 * in the handler (it needs the store). Mirrors plugin/pkg/admission/{serviceaccount,priority,
 * defaulttolerationseconds}/admission.go. The Priority plugin also validates PriorityClass writes
 * (one globalDefault).
 */
import type { Rng } from '../component.ts';
import { DEFAULT_PRIORITY_WHEN_NO_DEFAULT_CLASS_EXISTS } from '../api/schedulingValidation.ts';
import type { KubeObject } from '../types.ts';
import { forbidden } from './errors.ts';
import { deepFreeze } from './store.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

export const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

/**
 * The token volume's projection, the same for every pod. Stored objects are deep-frozen anyway,
 * so all pods share this one frozen copy (a dozen objects less per pod at 100,000 pods).
 */
const TOKEN_PROJECTION = deepFreeze({
  defaultMode: 420,
  sources: [
    { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
    { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
    { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
  ],
});

/** ServiceAccount admission: default SA and the projected `kube-api-access-<5>` token volume. */
export function admitServiceAccount(pod: Obj, rng: Rng): void {
  const spec = pod.spec as Obj;
  if (!spec.serviceAccountName) spec.serviceAccountName = (spec.serviceAccount as string) || 'default';
  spec.serviceAccount = spec.serviceAccountName;
  if (spec.automountServiceAccountToken === false) return;
  const containers = [...((spec.initContainers as Obj[]) ?? []), ...((spec.containers as Obj[]) ?? [])];
  const volumes = ((spec.volumes as Obj[]) ??= []);
  // A pod that already mounts something at the token path gets no token volume.
  if (containers.some((c) => ((c.volumeMounts as Obj[]) ?? []).some((m) => m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH))) return;
  const name = `kube-api-access-${rng.suffix(5)}`;
  volumes.push({ name, projected: TOKEN_PROJECTION });
  for (const c of containers) {
    const mounts = ((c.volumeMounts as Obj[]) ??= []);
    mounts.push({ name, readOnly: true, mountPath: SERVICE_ACCOUNT_MOUNT_PATH });
  }
}

/** What the Priority plugin reads: PriorityClass objects (upstream: a scheduling/v1 lister). */
export interface PriorityClassLister {
  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined;
  list(resource: string): Iterable<KubeObject>;
}

const PRIORITY_CLASSES = 'priorityclasses';

/**
 * getDefaultPriorityClass: the globalDefault class; should a race have made two, the one with
 * the lowest value.
 */
export function defaultPriorityClass(lister: PriorityClassLister): Obj | undefined {
  let dpc: Obj | undefined;
  for (const pc of lister.list(PRIORITY_CLASSES) as Iterable<Obj>) {
    if (pc.globalDefault !== true) continue;
    if (!dpc || ((dpc.value as number) ?? 0) > ((pc.value as number) ?? 0)) dpc = pc;
  }
  return dpc;
}

/**
 * Priority admission (plugin/pkg/admission/priority admitPod, Create): resolve
 * priorityClassName (or the globalDefault class, or priority 0 and PreemptLowerPriority) into
 * spec.priority and spec.preemptionPolicy; a pod may not set either to something else.
 */
export function admitPriority(pod: Obj, lister: PriorityClassLister): void {
  const spec = pod.spec as Obj;
  const meta = pod.metadata as Obj | undefined;
  // Before name generation: a generateName pod is named by its prefix (admission.extractResourceName).
  const podName = (meta?.name as string) || (meta?.generateName as string) || '';
  let priority: number;
  let preemptionPolicy: string | undefined;
  const pcName = spec.priorityClassName as string | undefined;
  if (!pcName) {
    const dpc = defaultPriorityClass(lister);
    if (dpc) {
      spec.priorityClassName = (dpc.metadata as Obj).name;
      priority = (dpc.value as number) ?? 0;
      preemptionPolicy = dpc.preemptionPolicy as string | undefined;
    } else {
      priority = DEFAULT_PRIORITY_WHEN_NO_DEFAULT_CLASS_EXISTS;
      preemptionPolicy = 'PreemptLowerPriority';
    }
  } else {
    const pc = lister.get(PRIORITY_CLASSES, undefined, pcName) as Obj | undefined;
    if (!pc) throw forbidden('pods', podName, `no PriorityClass with name ${pcName} was found`);
    priority = (pc.value as number) ?? 0;
    preemptionPolicy = pc.preemptionPolicy as string | undefined;
  }
  if (spec.priority !== undefined && spec.priority !== null && spec.priority !== priority) {
    throw forbidden('pods', podName, `the integer value of priority (${String(spec.priority)}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`);
  }
  spec.priority = priority;
  if (preemptionPolicy !== undefined) {
    if (spec.preemptionPolicy !== undefined && spec.preemptionPolicy !== null && spec.preemptionPolicy !== preemptionPolicy) {
      throw forbidden('pods', podName, `the string value of PreemptionPolicy (${String(spec.preemptionPolicy)}) must not be provided in pod spec; priority admission controller computed ${preemptionPolicy} from the given PriorityClass name`);
    }
    spec.preemptionPolicy = preemptionPolicy;
  }
}

/**
 * Priority admission on pod Update: the priority it set at create is kept when an update omits
 * it (validation then rejects any other change to it). Returns the spec to store: a PATCH's spec
 * may be shared with the frozen stored object, so it is copied rather than mutated.
 */
export function admitPriorityUpdate(spec: Obj | undefined, oldSpec: Obj | undefined): Obj | undefined {
  if (!spec || !oldSpec) return spec;
  const keepPriority = spec.priority === undefined && oldSpec.priority !== undefined;
  const keepPolicy = spec.preemptionPolicy === undefined && oldSpec.preemptionPolicy !== undefined;
  if (!keepPriority && !keepPolicy) return spec;
  const out = { ...spec };
  if (keepPriority) out.priority = oldSpec.priority;
  if (keepPolicy) out.preemptionPolicy = oldSpec.preemptionPolicy;
  return out;
}

/**
 * Priority validating admission for PriorityClasses (validatePriorityClass): only one class may
 * be the global default. Runs after object validation, as validating admission does.
 */
export function validatePriorityClassAdmission(pc: Obj, lister: PriorityClassLister, operation: 'CREATE' | 'UPDATE'): void {
  if (pc.globalDefault !== true) return;
  const dpc = defaultPriorityClass(lister);
  if (!dpc) return;
  const dpcName = (dpc.metadata as Obj).name as string;
  const name = ((pc.metadata as Obj | undefined)?.name as string | undefined) ?? '';
  if (operation === 'CREATE' || dpcName !== name) {
    throw forbidden('priorityclasses.scheduling.k8s.io', name, `PriorityClass ${dpcName} is already marked as default. Only one default can exist`);
  }
}

function tolerates(t: Obj, key: string): boolean {
  const effectOk = !t.effect || t.effect === 'NoExecute';
  const keyOk = t.key === key || (!t.key && t.operator === 'Exists');
  return effectOk && keyOk;
}

/** DefaultTolerationSeconds: not-ready and unreachable NoExecute for 300 s. */
export function admitDefaultTolerationSeconds(pod: Obj): void {
  const spec = pod.spec as Obj;
  const tols = ((spec.tolerations as Obj[]) ??= []);
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    if (!tols.some((t) => isObj(t) && tolerates(t, key))) {
      tols.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
    }
  }
}

/** Run the pod mutating plugins in order. */
export function admitPod(pod: Obj, rng: Rng, lister: PriorityClassLister): void {
  if (!isObj(pod.spec)) return;
  admitServiceAccount(pod, rng);
  admitPriority(pod, lister);
  admitDefaultTolerationSeconds(pod);
}

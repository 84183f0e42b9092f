/**
 * Mutating admission for pods, in upstream order (k/k pkg/kubeapiserver/options/plugins.go
 * AllOrderedPlugins): ServiceAccount, Priority, DefaultTolerationSeconds. NamespaceLifecycle runs
 * in the handler (it needs the store). Mirrors plugin/pkg/admission/{serviceaccount,priority,
 * defaulttolerationseconds}/admission.go.
 */
import type { Rng } from '../component.ts';
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

/** Built-in PriorityClasses (pkg/apis/scheduling: SystemPriorityClasses). */
const SYSTEM_PRIORITY: Record<string, number> = { 'system-node-critical': 2000001000, 'system-cluster-critical': 2000000000 };

/** Priority admission: resolve priorityClassName, or priority 0 with no global default. */
export function admitPriority(pod: Obj): void {
  const spec = pod.spec as Obj;
  const pcName = spec.priorityClassName as string | undefined;
  if (pcName) {
    const value = SYSTEM_PRIORITY[pcName];
    if (value === undefined) {
      const meta = pod.metadata as Obj | undefined;
      // Before name generation: a generateName pod is named by its prefix (admission.extractResourceName).
      throw forbidden('pods', (meta?.name as string) || (meta?.generateName as string) || '', `no PriorityClass with name ${pcName} was found`);
    }
    spec.priority = value;
  } else spec.priority ??= 0;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
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
export function admitPod(pod: Obj, rng: Rng): void {
  if (!isObj(pod.spec)) return;
  admitServiceAccount(pod, rng);
  admitPriority(pod);
  admitDefaultTolerationSeconds(pod);
}

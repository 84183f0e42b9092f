/**
 * The command line each UI action stands for. Buttons never change the cluster themselves: they
 * run these lines through the terminal's path (kubectl or the script runner's `sim`), so the
 * terminal shows exactly what to type to do the same.
 */

/** `-n NS` when the namespace is not kubectl's default. */
const ns = (namespace: string | undefined) => (namespace && namespace !== 'default' ? ` -n ${namespace}` : '');

/** Kubernetes names are DNS labels/subdomains; anything else would need quoting, so refuse it. */
const SAFE = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
function safe(word: string): string {
  if (!SAFE.test(word)) throw new Error(`not a Kubernetes name: ${JSON.stringify(word)}`);
  return word;
}

/** `kubectl delete pod NAME` */
export function deletePodLine(name: string, namespace?: string): string {
  return `kubectl delete pod ${safe(name)}${ns(namespace)}`;
}

/** `kubectl scale deployment/web --replicas=4` (kind `deployment` or `replicaset`). */
export function scaleLine(kind: 'deployment' | 'replicaset', name: string, replicas: number, namespace?: string): string {
  const n = Math.max(0, Math.floor(replicas));
  return `kubectl scale ${kind}/${safe(name)} --replicas=${n}${ns(namespace)}`;
}

/** `kubectl rollout undo deployment/web` */
export function undoLine(name: string, namespace?: string): string {
  return `kubectl rollout undo deployment/${safe(name)}${ns(namespace)}`;
}

/** `sim container kill POD -c C` */
export function killContainerLine(pod: string, container: string, namespace?: string): string {
  return `sim container kill ${safe(pod)} -c ${safe(container)}${ns(namespace)}`;
}

export type ProbeKind = 'liveness' | 'readiness' | 'startup';

/** `sim probe fail POD --probe readiness -c C` (or `pass`). */
export function probeLine(pod: string, container: string, probe: ProbeKind, fail: boolean, namespace?: string): string {
  return `sim probe ${fail ? 'fail' : 'pass'} ${safe(pod)} --probe ${probe} -c ${safe(container)}${ns(namespace)}`;
}

/** The probes a container spec declares, in the kubelet's order (startup gates the other two). */
export function probesOf(container: { startupProbe?: unknown; livenessProbe?: unknown; readinessProbe?: unknown }): ProbeKind[] {
  const out: ProbeKind[] = [];
  if (container.startupProbe) out.push('startup');
  if (container.livenessProbe) out.push('liveness');
  if (container.readinessProbe) out.push('readiness');
  return out;
}

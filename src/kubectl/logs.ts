/**
 * `kubectl logs POD [CONTAINER] [-c C] [-p] [--tail N] [--timestamps]`, `kubectl logs deploy/web`.
 * `-f/--follow` prints what is there and returns (a script cannot block on a stream).
 * Mirrors k8s.io/kubectl/pkg/cmd/logs/logs.go and pkg/polymorphichelpers/logsforobject.go: a
 * controller picks its "best" pod (podutils.ByLogging; `Found 3 pods, using pod/x` on stderr),
 * the container defaults to the annotation `kubectl.kubernetes.io/default-container` or the first
 * (`Defaulted container "a" out of: a, b` on stderr), then GET …/pods/NAME/log; the API's errors
 * are printed as they come (`Error from server (BadRequest): …`).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Ctx } from './context.ts';
import { send } from './context.ts';
import { statusOf } from './errors.ts';
import { flag, intFlag } from './flags.ts';
import { selectorQuery } from './deployutil.ts';
import { byName, pathFor } from './resources.ts';
import type { LabelSelector } from 'kubernetes-types/meta/v1';

const DEFAULT_CONTAINER = 'kubectl.kubernetes.io/default-container';

/** podcmd.AllContainerNames. */
function allContainerNames(p: Pod): string {
  const s = p.spec;
  return [...(s?.containers ?? []).map((c) => c.name), ...(s?.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`), ...(s?.initContainers ?? []).map((c) => `${c.name} (init)`)].join(', ');
}

const isReady = (p: Pod) => (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
const readyTime = (p: Pod) => Date.parse((p.status?.conditions ?? []).find((c) => c.type === 'Ready')?.lastTransitionTime ?? '') || 0;
const maxRestarts = (p: Pod) => Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
const created = (p: Pod) => Date.parse(p.metadata?.creationTimestamp ?? '') || 0;
/** afterOrZero(t1, t2): a zero time sorts last. */
const afterOrZero = (t1: number, t2: number) => (t1 === 0 || t2 === 0 ? t1 === 0 : t1 > t2);
const PHASE_RANK: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };

/** podutils.ByLogging Less: the pod whose logs are most interesting sorts first. */
export function byLogging(a: Pod, b: Pod): number {
  const less = (i: Pod, j: Pod): boolean => {
    const ni = i.spec?.nodeName ?? '';
    const nj = j.spec?.nodeName ?? '';
    if (ni !== nj && (ni === '' || nj === '')) return ni !== '';
    const pi = PHASE_RANK[i.status?.phase ?? ''] ?? 0;
    const pj = PHASE_RANK[j.status?.phase ?? ''] ?? 0;
    if (pi !== pj) return pi < pj;
    if (isReady(i) !== isReady(j)) return isReady(i);
    if (isReady(i) && isReady(j) && readyTime(i) !== readyTime(j)) return afterOrZero(readyTime(j), readyTime(i));
    if (maxRestarts(i) !== maxRestarts(j)) return maxRestarts(i) > maxRestarts(j);
    if (created(i) !== created(j)) return afterOrZero(created(j), created(i));
    return false;
  };
  return less(a, b) ? -1 : less(b, a) ? 1 : 0;
}

/**
 * The pod `kubectl logs|exec TYPE/NAME` acts on (polymorphichelpers.AttachablePodForObjectFn): the
 * pod itself, or the first of a workload's pods in ByLogging order; undefined after recording an
 * error. `notImplemented` words the error for kinds without a selector; `announce` prints which
 * pod was picked (logs does).
 */
export function attachablePod(ctx: Ctx, type: string, name: string, notImplemented: (kind: string) => string, announce = false): Pod | undefined {
  const res = byName(type);
  if (!res) {
    ctx.errors.push({ message: `the server doesn't have a resource type ${JSON.stringify(type)}` });
    return undefined;
  }
  const r = send(ctx, { verb: 'GET', path: pathFor(res, res.namespaced ? ctx.namespace : undefined, name) });
  if (r.code !== 200) {
    ctx.errors.push({ status: statusOf(r.code, r.body) });
    return undefined;
  }
  if (res.kind === 'Pod') return r.body as Pod;
  const selector = (r.body as { spec?: { selector?: LabelSelector } }).spec?.selector;
  if (!selector || !['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job'].includes(res.kind)) {
    ctx.errors.push({ message: notImplemented(res.kind) });
    return undefined;
  }
  const sel = selectorQuery(selector);
  const l = send(ctx, { verb: 'GET', path: `/api/v1/namespaces/${encodeURIComponent(ctx.namespace)}/pods`, query: sel ? { labelSelector: sel } : undefined, causeId: r.spanId });
  if (l.code !== 200) {
    ctx.errors.push({ status: statusOf(l.code, l.body) });
    return undefined;
  }
  const pods = [...((l.body as { items?: Pod[] }).items ?? [])].sort(byLogging);
  if (pods.length === 0) {
    ctx.errors.push({ message: 'timed out waiting for the condition' });
    return undefined;
  }
  if (announce && pods.length > 1) ctx.stderr.push(`Found ${pods.length} pods, using pod/${pods[0]!.metadata?.name}\n`);
  return pods[0];
}

/** The pod whose logs `kubectl logs TYPE/NAME` shows. */
function podFor(ctx: Ctx, type: string, name: string): Pod | undefined {
  return attachablePod(ctx, type, name, (kind) => `cannot get the logs from *v1.${kind}: selector for ${kind} not implemented`, true);
}

/** `kubectl logs`. */
export function logsCmd(ctx: Ctx): void {
  const args = ctx.p.args;
  if (args.length === 0 || args.length > 2) {
    ctx.errors.push({
      message:
        args.length === 0
          ? "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples"
          : "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nSee 'kubectl logs -h' for help and examples",
    });
    return;
  }
  let container = flag(ctx.p, 'container') ?? '';
  if (args.length === 2) {
    if (container) {
      ctx.errors.push({ message: "only one of -c or an inline [CONTAINER] arg is allowed\nSee 'kubectl logs -h' for help and examples" });
      return;
    }
    container = args[1]!;
  }
  const tail = intFlag(ctx.p, 'tail', -1);
  const first = args[0]!;
  const slash = first.indexOf('/');
  const pod = slash >= 0 ? podFor(ctx, first.slice(0, slash), first.slice(slash + 1)) : podFor(ctx, 'pods', first);
  if (!pod) return;
  const podName = pod.metadata?.name ?? '';
  if (!container) {
    const annotated = pod.metadata?.annotations?.[DEFAULT_CONTAINER];
    const exists = (n: string) => [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []), ...(pod.spec?.ephemeralContainers ?? [])].some((c) => c.name === n);
    if (annotated) {
      if (exists(annotated)) container = annotated;
      else ctx.stderr.push(`Default container name ${JSON.stringify(annotated)} not found in pod ${podName}\n`);
    }
    if (!container) {
      container = pod.spec?.containers?.[0]?.name ?? '';
      const s = pod.spec;
      if ((s?.containers?.length ?? 0) > 1 || s?.initContainers?.length || s?.ephemeralContainers?.length) {
        ctx.stderr.push(`Defaulted container ${JSON.stringify(container)} out of: ${allContainerNames(pod)}\n`);
      }
    }
  }
  const known = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []), ...(pod.spec?.ephemeralContainers ?? [])].some((c) => c.name === container);
  if (!known) {
    ctx.errors.push({ message: `container ${container} is not valid for pod ${podName} out of: ${allContainerNames(pod)}` });
    return;
  }
  const query: Record<string, string> = { container };
  if (ctx.p.bools.previous) query.previous = 'true';
  if (tail >= 0) query.tailLines = String(tail);
  if (ctx.p.bools.timestamps) query.timestamps = 'true';
  const r = send(ctx, { verb: 'GET', path: `${pathFor(byName('pods')!, pod.metadata?.namespace ?? ctx.namespace, podName)}/log`, query });
  if (r.code !== 200) {
    ctx.errors.push({ status: statusOf(r.code, r.body) });
    return;
  }
  ctx.stdout.push(typeof r.body === 'string' ? r.body : String(r.body ?? ''));
}

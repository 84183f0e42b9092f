/**
 * POST /api/v1/namespaces/NS/pods/NAME/eviction: the Eviction API, which deletes a pod only if
 * no PodDisruptionBudget forbids it. Mirrors pkg/registry/core/pod/storage/eviction.go
 * (EvictionREST.Create, canIgnorePDB, getPodDisruptionBudgets, checkAndDecrement,
 * createTooManyRequestsError) and pkg/apis/policy/helper (UpdateDisruptionAllowedCondition).
 */
import type { KubeObject } from '../types.ts';
import type { Status } from './types.ts';
import { clone } from '../api/equal.ts';
import { labelSelectorFromObject, matchesLabels } from '../api/selectors.ts';
import { ApiError, badRequest, forbidden, internalError, methodNotAllowed } from './errors.ts';
import { RESOURCES } from './resources.ts';
import type { WriteCtx } from './server.ts';
import { deleteObject } from './delete.ts';
import { updateObject } from './writes.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

const PODS = RESOURCES.find((r) => r.resource === 'pods')!;
const PDBS = RESOURCES.find((r) => r.resource === 'poddisruptionbudgets')!;

/** policyv1.DisruptionBudgetCause. */
export const DISRUPTION_BUDGET_CAUSE = 'DisruptionBudget';
export const EVICTION_REFUSED = "Cannot evict pod as it would violate the pod's disruption budget.";
/** MaxDisruptedPodSize: more unconfirmed evictions than this and the API refuses. */
const MAX_DISRUPTED_POD_SIZE = 2000;

interface PdbStatus {
  disruptionsAllowed?: number;
  currentHealthy?: number;
  desiredHealthy?: number;
  expectedPods?: number;
  observedGeneration?: number;
  disruptedPods?: Record<string, string>;
  conditions?: { type: string; status: string; reason: string; message: string; observedGeneration?: number; lastTransitionTime?: string }[];
}
type Pdb = KubeObject & { spec?: Obj; status?: PdbStatus };
type PodObj = KubeObject & { status?: { phase?: string; conditions?: { type: string; status: string }[] } };

/** errors.NewTooManyRequests with the DisruptionBudget cause. */
function tooManyRequests(retryAfterSeconds: number, cause: string): ApiError {
  const details: Obj = { causes: [{ reason: DISRUPTION_BUDGET_CAUSE, message: cause }] };
  if (retryAfterSeconds) details.retryAfterSeconds = retryAfterSeconds;
  const s = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: EVICTION_REFUSED, reason: 'TooManyRequests', details, code: 429 };
  return new ApiError(s as unknown as Status);
}

/** canIgnorePDB: terminal, pending or already terminating pods are deleted without a PDB check. */
function canIgnorePDB(pod: PodObj): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || !!pod.metadata.deletionTimestamp;
}

const isReady = (pod: PodObj) => pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;

/**
 * The PDBs in the pod's namespace whose selector matches its labels. A nil selector matches
 * nothing; an empty one everything (policy/v1 semantics, as the disruption controller reads it).
 */
export function pdbsForPod(ctx: WriteCtx, pod: KubeObject): Pdb[] {
  const out: Pdb[] = [];
  for (const pdb of ctx.server.store.list(PDBS.resource, pod.metadata.namespace) as Pdb[]) {
    const sel = pdb.spec?.selector;
    if (!isObj(sel)) continue;
    if (matchesLabels(labelSelectorFromObject(sel as never), pod.metadata.labels)) out.push(pdb);
  }
  return out.sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
}

/** UpdateDisruptionAllowedCondition (meta.SetStatusCondition: the time moves only on a flip). */
export function updateDisruptionAllowedCondition(status: PdbStatus, now: string): void {
  const allowed = (status.disruptionsAllowed ?? 0) > 0;
  const want = { type: 'DisruptionAllowed', status: allowed ? 'True' : 'False', reason: allowed ? 'SufficientPods' : 'InsufficientPods', message: '', observedGeneration: status.observedGeneration };
  const conds = (status.conditions ?? []).map((c) => ({ ...c }));
  const i = conds.findIndex((c) => c.type === 'DisruptionAllowed');
  if (i < 0) conds.push({ ...want, lastTransitionTime: now });
  else conds[i] = { ...want, lastTransitionTime: conds[i]!.status === want.status ? conds[i]!.lastTransitionTime : now };
  if (want.observedGeneration === undefined) for (const c of conds) if (c.type === 'DisruptionAllowed') delete c.observedGeneration;
  status.conditions = conds;
}

/** checkAndDecrement: refuse (429) or record the disruption in the PDB's status. */
function checkAndDecrement(ctx: WriteCtx, podName: string, pdb: Pdb, dryRun: boolean): void {
  const st = pdb.status ?? {};
  const name = pdb.metadata.name;
  if ((st.observedGeneration ?? 0) < (pdb.metadata.generation ?? 0)) {
    throw tooManyRequests(10, `The disruption budget ${name} is still being processed by the server.`);
  }
  const allowed = st.disruptionsAllowed ?? 0;
  if (allowed < 0) throw forbidden('poddisruptionbudget.policy', name, 'pdb disruptions allowed is negative');
  if (Object.keys(st.disruptedPods ?? {}).length > MAX_DISRUPTED_POD_SIZE) {
    throw forbidden('poddisruptionbudget.policy', name, 'DisruptedPods map too big - too many evictions not confirmed by PDB controller');
  }
  if (allowed === 0) {
    throw tooManyRequests(0, `The disruption budget ${name} needs ${st.desiredHealthy ?? 0} healthy pods and has ${st.currentHealthy ?? 0} currently`);
  }
  if (dryRun) return;
  const updated = clone(pdb) as Pdb;
  const status: PdbStatus = { ...(updated.status ?? {}) };
  status.disruptionsAllowed = allowed - 1;
  const now = ctx.server.timestamp();
  if (status.disruptionsAllowed === 0) updateDisruptionAllowedCondition(status, now);
  status.disruptedPods = { ...(status.disruptedPods ?? {}), [podName]: now };
  updated.status = status;
  updateObject({ ...ctx, req: { ...ctx.req, verb: 'PUT', body: updated }, p: { info: PDBS, namespace: pdb.metadata.namespace, name, subresource: 'status' } }, updated);
}

/** EvictionREST.Create. */
export function handleEviction(ctx: WriteCtx): { code: number; body: unknown } {
  if (ctx.req.verb !== 'POST' || ctx.p.info.resource !== 'pods' || !ctx.p.name) throw methodNotAllowed();
  const body = ctx.req.body;
  if (!isObj(body)) throw badRequest('Eviction in version "v1" cannot be handled as a Eviction: json: cannot unmarshal into Go value of type policy.Eviction');
  if (body.kind !== undefined && body.kind !== 'Eviction') {
    throw badRequest(`the object provided is unrecognized (must be of type Eviction): kind ${JSON.stringify(body.apiVersion ?? '')}/${JSON.stringify(body.kind)} was sent to policy/v1/eviction`);
  }
  const meta = isObj(body.metadata) ? body.metadata : {};
  if (meta.name !== ctx.p.name) throw badRequest('name in URL does not match name in Eviction object');
  const opts = isObj(body.deleteOptions) ? body.deleteOptions : {};
  const dryRun = ctx.dryRun || (Array.isArray(opts.dryRun) && opts.dryRun.includes('All'));
  const pod = ctx.server.getOrThrow(PODS, ctx.p.namespace, ctx.p.name) as PodObj;
  const evicted = { code: 201, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 } };
  const del = (extra?: Obj) => {
    const delBody: Obj = { ...opts, ...(extra ?? {}) };
    deleteObject({ ...ctx, dryRun, req: { ...ctx.req, verb: 'DELETE', body: delBody }, p: { info: PODS, namespace: ctx.p.namespace, name: ctx.p.name } });
    return evicted;
  };
  if (canIgnorePDB(pod)) return del();
  const pdbs = pdbsForPod(ctx, pod);
  if (pdbs.length > 1) throw internalError('This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.');
  if (pdbs.length === 0) return del();
  const pdb = pdbs[0]!;
  const st = pdb.status ?? {};
  // An unready pod does not count as healthy: evicting it costs the budget nothing while the
  // budget is met (or always, with unhealthyPodEvictionPolicy AlwaysAllow). The resourceVersion
  // precondition makes sure it is still that unready pod.
  const precondition = { preconditions: { resourceVersion: pod.metadata.resourceVersion } };
  if (!isReady(pod)) {
    if (pdb.spec?.unhealthyPodEvictionPolicy === 'AlwaysAllow') return del(precondition);
    if ((st.currentHealthy ?? 0) >= (st.desiredHealthy ?? 0) && (st.desiredHealthy ?? 0) > 0) return del(precondition);
  }
  checkAndDecrement(ctx, pod.metadata.name, pdb, dryRun);
  return del();
}

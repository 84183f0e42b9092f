/**
 * A cloud provider's service controller (k8s.io/cloud-provider controllers/service/controller.go:
 * syncService → syncLoadBalancerIfNeeded, needsUpdate, patchStatus) with a MetalLB-like IP pool
 * standing in for the cloud: each LoadBalancer Service gets the lowest free address from
 * 172.18.255.201 (.200 is ingress-nginx's), published in status.loadBalancer.ingress with
 * ipMode VIP. Provisioning takes LB_PROVISION_MS of virtual time.
 */
import type { ComponentContext, EventRecorder, Informer } from '../../component.ts';
import type { KubeObject } from '../../types.ts';
import { deepEqual } from '../../api/equal.ts';

type Obj = Record<string, unknown>;
type Svc = KubeObject & { spec?: Obj; status?: Obj };
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** How long the simulated cloud takes to provision a load balancer. */
export const LB_PROVISION_MS = 2000;
export const LB_POOL_PREFIX = '172.18.255.';
export const LB_POOL_FIRST = 201;
export const LB_POOL_LAST = 254;

const keyOf = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
const isLB = (s: Svc | undefined) => s?.spec?.type === 'LoadBalancer';
/** status.loadBalancer.ingress[0].ip, if any. */
export function ingressIP(s: Svc | undefined): string | undefined {
  const lb = isObj(s?.status) && isObj(s.status.loadBalancer) ? s.status.loadBalancer : undefined;
  const first = Array.isArray(lb?.ingress) ? lb.ingress[0] : undefined;
  return isObj(first) && typeof first.ip === 'string' ? first.ip : undefined;
}

/** needsUpdate's subset that matters here: type, ports and externalTrafficPolicy. */
function needsUpdate(old: Svc, cur: Svc): boolean {
  if (!isLB(old) && !isLB(cur)) return false;
  if (isLB(old) !== isLB(cur)) return true;
  return !deepEqual(old.spec?.ports, cur.spec?.ports) || old.spec?.externalTrafficPolicy !== cur.spec?.externalTrafficPolicy;
}

export interface ServiceLBController {
  /** IPs currently held, by `namespace/name`. */
  assigned(): ReadonlyMap<string, string>;
}

/** Starts the controller (its own context: cloud-controller-manager is a separate process). */
export function startServiceLBController(ctx: ComponentContext): ServiceLBController {
  const held = new Map<string, string>();
  /** Provisioning in flight, by key. */
  const pending = new Map<string, { cancel(): void }>();
  let services: Informer<Svc>;
  try {
    services = ctx.informer<Svc>('/api/v1/services', undefined, { traced: (_t, o, old) => isLB(o) || isLB(old) });
  } catch {
    return { assigned: () => held };
  }
  const recorder: EventRecorder = ctx.recorder({ component: 'service-controller' });

  const lowestFree = (): string | undefined => {
    const used = new Set(held.values());
    for (const s of services.list()) {
      const ip = ingressIP(s);
      if (ip) used.add(ip);
    }
    for (let i = LB_POOL_FIRST; i <= LB_POOL_LAST; i++) if (!used.has(`${LB_POOL_PREFIX}${i}`)) return `${LB_POOL_PREFIX}${i}`;
    return undefined;
  };

  /** ensureLoadBalancer: event, reserve an IP, and after the provisioning delay publish it. */
  function ensure(svc: Svc, causeId: number | undefined): void {
    const key = keyOf(svc);
    pending.get(key)?.cancel();
    recorder.event(svc, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer');
    let ip = held.get(key) ?? ingressIP(svc);
    if (!ip) ip = lowestFree();
    if (!ip) {
      recorder.event(svc, 'Warning', 'SyncLoadBalancerFailed', 'Error syncing load balancer: failed to ensure load balancer: no available IPs in pool 172.18.255.201-172.18.255.254');
      return;
    }
    held.set(key, ip);
    const ns = svc.metadata.namespace ?? 'default';
    const span = ctx.trace({
      from: 'controller-manager',
      to: 'controller-manager',
      verb: 'EnsureLoadBalancer',
      kind: 'ensureLoadBalancer',
      object: `Service/${ns}/${svc.metadata.name}`,
      args: { service: svc.metadata.name, namespace: ns, ip },
      summary: `The service controller provisions a load balancer for Service ${ns}/${svc.metadata.name} at ${ip}.`,
      causeId,
      duration: LB_PROVISION_MS,
    });
    const timer = ctx.clock.after(LB_PROVISION_MS, () => {
      pending.delete(key);
      const cur = services.get(key);
      if (!cur || !isLB(cur) || held.get(key) !== ip) return;
      recorder.event(cur, 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer');
      if (ingressIP(cur) === ip) return;
      ctx.request({
        verb: 'PATCH',
        path: `/api/v1/namespaces/${ns}/services/${cur.metadata.name}/status`,
        patchType: 'application/merge-patch+json',
        body: { status: { loadBalancer: { ingress: [{ ip, ipMode: 'VIP' }] } } },
        causeId: span.id || undefined,
      });
    });
    pending.set(key, timer);
  }

  /** The load balancer is no longer wanted (type changed away, or the Service is gone). */
  function cleanup(svc: Svc): void {
    const key = keyOf(svc);
    pending.get(key)?.cancel();
    pending.delete(key);
    if (!held.has(key)) return;
    recorder.event(svc, 'Normal', 'DeletingLoadBalancer', 'Deleting load balancer');
    held.delete(key);
    recorder.event(svc, 'Normal', 'DeletedLoadBalancer', 'Deleted load balancer');
  }

  services.addEventHandler({
    add(svc, ev) {
      if (!isLB(svc)) return;
      const ip = ingressIP(svc);
      // Adopt an address already published (a controller restart), else provision one.
      if (ip && !held.has(keyOf(svc))) held.set(keyOf(svc), ip);
      else ensure(svc, ev.spanId);
    },
    update(old, cur, ev) {
      if (!needsUpdate(old, cur)) return;
      if (isLB(cur)) ensure(cur, ev.spanId);
      else cleanup(cur);
    },
    delete(svc) {
      if (isLB(svc) || held.has(keyOf(svc))) cleanup(svc);
    },
  });
  return { assigned: () => held };
}

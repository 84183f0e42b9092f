/**
 * Which Services select a pod (GetPodServiceMemberships) and whether a pod update moves its
 * endpoint (podEndpointsChanged). Mirrors staging k8s.io/endpointslice util/controller_utils.go.
 * Services are indexed by namespace so pod events in namespaces without Services cost nothing.
 */
import { isPodReady } from '../podutil.ts';
import { selectorMatches, serviceSelector, type V1Pod, type V1Service } from './utils.ts';

export class ServiceIndex {
  private readonly byNamespace = new Map<string, Map<string, Record<string, string>>>();

  /** Records (or refreshes) a Service's selector; Services without one are not indexed. */
  set(svc: V1Service): void {
    const ns = svc.metadata.namespace ?? 'default';
    const sel = svc.spec?.type === 'ExternalName' ? undefined : serviceSelector(svc);
    let m = this.byNamespace.get(ns);
    if (!sel) {
      m?.delete(svc.metadata.name);
      return;
    }
    if (!m) this.byNamespace.set(ns, (m = new Map()));
    m.set(svc.metadata.name, sel);
  }

  /** Whether the Service is indexed (it has a selector and is not ExternalName): its syncs do something. */
  has(svc: V1Service): boolean {
    return this.byNamespace.get(svc.metadata.namespace ?? 'default')?.has(svc.metadata.name) ?? false;
  }

  remove(svc: V1Service): void {
    this.byNamespace.get(svc.metadata.namespace ?? 'default')?.delete(svc.metadata.name);
  }

  /** Keys (`namespace/name`) of the Services whose selector matches the pod's labels. */
  servicesFor(pod: V1Pod): string[] {
    const ns = pod.metadata.namespace ?? 'default';
    const m = this.byNamespace.get(ns);
    if (!m || m.size === 0) return [];
    const out: string[] = [];
    for (const [name, sel] of m) if (selectorMatches(sel, pod.metadata.labels)) out.push(`${ns}/${name}`);
    return out;
  }
}

/** podEndpointsChanged (labels aside): IPs, readiness, deletion, phase, node, hostname/subdomain. */
export function podEndpointsChanged(old: V1Pod | undefined, cur: V1Pod): boolean {
  if (!old) return true;
  if (!!old.metadata.deletionTimestamp !== !!cur.metadata.deletionTimestamp) return true;
  if (isPodReady(old) !== isPodReady(cur)) return true;
  if ((old.status?.podIP ?? '') !== (cur.status?.podIP ?? '')) return true;
  if (JSON.stringify(old.status?.podIPs ?? []) !== JSON.stringify(cur.status?.podIPs ?? [])) return true;
  if ((old.status?.phase ?? '') !== (cur.status?.phase ?? '')) return true;
  if ((old.spec?.nodeName ?? '') !== (cur.spec?.nodeName ?? '')) return true;
  if (old.spec?.hostname !== cur.spec?.hostname || old.spec?.subdomain !== cur.spec?.subdomain) return true;
  return false;
}

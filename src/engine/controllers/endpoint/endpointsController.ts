/**
 * The legacy Endpoints controller: one v1 Endpoints object per Service with a selector, named
 * like the Service. Mirrors pkg/controller/endpoint/endpoints_controller.go (syncService,
 * checkLeftoverEndpoints, the over-capacity annotation, the stale-endpoints check) and, for the
 * `kubernetes` Service, the API server's endpoint reconciler (see masterEndpoints.ts).
 */
import type { ComponentContext } from '../../component.ts';
import type { KubeObject } from '../../types.ts';
import type { WatchEvent } from '../../apiserver/types.ts';
import { WorkQueue } from '../replicaset/workqueue.ts';
import { ServiceIndex, podEndpointsChanged } from '../endpointslice/serviceIndex.ts';
import { TriggerTimeTracker } from '../endpointslice/triggerTime.ts';
import { ANNOTATION_TRIGGER_TIME, LABEL_HEADLESS, isServiceIPSet, selectorMatches, serviceSelector, type V1Pod, type V1Service } from '../endpointslice/utils.ts';
import { computeSubsets, countAddresses, MAX_CAPACITY, truncateEndpoints, type EndpointSubset } from './subsets.ts';
import { ensureMasterEndpoints } from './masterEndpoints.ts';
import { metaNamespaceKey } from '../controllerUtils.ts';

const USER_AGENT = 'kube-controller-manager/v1.34.0';
export const ANNOTATION_OVER_CAPACITY = 'endpoints.kubernetes.io/over-capacity';
/** LabelManagedBy / ControllerName (v1.33+, with the Endpoints API's deprecation). */
export const LABEL_ENDPOINTS_MANAGED_BY = 'endpoints.kubernetes.io/managed-by';
export const ENDPOINTS_CONTROLLER_NAME = 'endpoint-controller';

export interface V1Endpoints extends KubeObject {
  subsets?: EndpointSubset[];
}

const errMessage = (body: unknown, code: number) => (body as { message?: string } | undefined)?.message ?? `HTTP ${code}`;
const sameMap = (a: Record<string, string> | undefined, b: Record<string, string> | undefined) => JSON.stringify(Object.entries(a ?? {}).sort()) === JSON.stringify(Object.entries(b ?? {}).sort());

/** Starts the controller inside kube-controller-manager (and writes the `kubernetes` Endpoints at boot). */
export function startEndpointsController(ctx: ComponentContext): void {
  ensureMasterEndpoints(ctx);
  const index = new ServiceIndex();
  const services = ctx.informer<V1Service>('/api/v1/services', undefined, {
    traced: (type, svc, old) => type !== 'MODIFIED' || JSON.stringify(svc.spec) !== JSON.stringify(old?.spec),
  });
  const pods = ctx.informer<V1Pod>('/api/v1/pods', undefined, {
    traced: (type, pod, old) => (type !== 'MODIFIED' || podEndpointsChanged(old, pod)) && (index.servicesFor(pod).length > 0 || (!!old && index.servicesFor(old).length > 0)),
  });
  const endpoints = ctx.informer<V1Endpoints>('/api/v1/endpoints', undefined, { traced: () => false });
  const recorder = ctx.recorder({ component: 'endpoint-controller' });
  const triggers = new TriggerTimeTracker();
  /** staleEndpointsTracker: the resourceVersion of our last write per Endpoints. */
  const written = new Map<string, number>();
  const causes = new Map<string, number>();
  const queue = new WorkQueue(ctx.clock, (key) => (sync(key) ? queue.forget(key) : queue.addRateLimited(key)));
  const enqueue = (key: string, ev?: WatchEvent<unknown>) => {
    if (ev?.spanId) causes.set(key, ev.spanId);
    queue.add(key);
  };

  services.addEventHandler({
    add: (s, ev) => (index.set(s), index.has(s) && enqueue(metaNamespaceKey(s), ev)),
    update: (_o, s, ev) => (index.set(s), index.has(s) && enqueue(metaNamespaceKey(s), ev)),
    delete: (s, ev) => (index.remove(s), enqueue(metaNamespaceKey(s), ev)),
  });
  pods.addEventHandler({
    add: (p, ev) => index.servicesFor(p).forEach((k) => enqueue(k, ev)),
    update: (old, p, ev) => {
      const labelsChanged = !sameMap(old.metadata.labels, p.metadata.labels);
      if (!labelsChanged && !podEndpointsChanged(old, p)) return;
      const keys = new Set(index.servicesFor(p));
      if (labelsChanged) for (const k of index.servicesFor(old)) keys.add(k);
      keys.forEach((k) => enqueue(k, ev));
    },
    delete: (p, ev) => index.servicesFor(p).forEach((k) => enqueue(k, ev)),
  });
  // onEndpointsDelete: recreate them if the Service still wants them.
  endpoints.addEventHandler({ delete: (e) => void (services.get(metaNamespaceKey(e)) && queue.add(metaNamespaceKey(e))) });
  // checkLeftoverEndpoints: Endpoints this controller made whose Service is gone are deleted once
  // at start (the others' syncs are no-ops or already queued by their Service).
  const leftover = (e: V1Endpoints) => e.metadata.labels?.[LABEL_ENDPOINTS_MANAGED_BY] === ENDPOINTS_CONTROLLER_NAME && !services.get(metaNamespaceKey(e));
  ctx.clock.after(0, () => endpoints.list().forEach((e) => void (leftover(e) && queue.add(metaNamespaceKey(e)))));

  function sync(key: string): boolean {
    const cause = causes.get(key);
    causes.delete(key);
    const [ns, name] = key.split('/') as [string, string];
    const path = `/api/v1/namespaces/${ns}/endpoints/${name}`;
    const svc = services.get(key);
    if (!svc) {
      // "Delete the corresponding endpoint, as the service has been deleted."
      if (endpoints.get(key)) {
        const r = ctx.request({ verb: 'DELETE', path, causeId: cause, userAgent: USER_AGENT });
        if (r.code >= 300 && r.code !== 404) return false;
      }
      triggers.delete(ns, name);
      written.delete(key);
      return true;
    }
    const selector = serviceSelector(svc);
    if (svc.spec?.type === 'ExternalName' || !selector) return true;
    const selected = pods.list().filter((p) => p.metadata.namespace === ns && selectorMatches(selector, p.metadata.labels));
    const triggerTime = triggers.compute(ns, svc, selected);
    const subsets = computeSubsets(svc, selected);
    const current = endpoints.get(key);
    if (current && Number(current.metadata.resourceVersion) < (written.get(key) ?? 0)) return false; // informer cache out of date
    const labels = { ...(current?.metadata.labels ?? {}) };
    delete labels[LABEL_HEADLESS];
    delete labels[LABEL_ENDPOINTS_MANAGED_BY];
    const capacityOK = countAddresses(current?.subsets) <= MAX_CAPACITY && !current?.metadata.annotations?.[ANNOTATION_OVER_CAPACITY];
    const managed = current?.metadata.labels?.[LABEL_ENDPOINTS_MANAGED_BY] === ENDPOINTS_CONTROLLER_NAME;
    if (current && managed && JSON.stringify(current.subsets ?? []) === JSON.stringify(subsets) && sameMap(labels, svc.metadata.labels) && capacityOK) return true;

    const annotations = { ...(current?.metadata.annotations ?? {}) };
    if (triggerTime) annotations[ANNOTATION_TRIGGER_TIME] = triggerTime;
    else delete annotations[ANNOTATION_TRIGGER_TIME];
    if (truncateEndpoints(subsets)) annotations[ANNOTATION_OVER_CAPACITY] = 'truncated';
    else delete annotations[ANNOTATION_OVER_CAPACITY];
    const newLabels: Record<string, string> = { ...(svc.metadata.labels ?? {}), [LABEL_ENDPOINTS_MANAGED_BY]: ENDPOINTS_CONTROLLER_NAME };
    if (!isServiceIPSet(svc)) newLabels[LABEL_HEADLESS] = '';
    const metadata: KubeObject['metadata'] = current ? { ...current.metadata } : { name, namespace: ns };
    if (Object.keys(newLabels).length) metadata.labels = newLabels;
    else delete metadata.labels;
    if (Object.keys(annotations).length) metadata.annotations = annotations;
    else delete metadata.annotations;
    const body: V1Endpoints = { apiVersion: 'v1', kind: 'Endpoints', metadata };
    if (subsets.length) body.subsets = subsets;

    const ready = subsets.reduce((n, s) => n + (s.addresses?.length ?? 0), 0);
    const notReady = subsets.reduce((n, s) => n + (s.notReadyAddresses?.length ?? 0), 0);
    const span = ctx.trace({
      from: 'controller-manager', to: 'controller-manager', verb: 'syncService', object: `Endpoints/${key}`, kind: 'endpointsSync', duration: 0, causeId: cause,
      args: { service: name, namespace: ns, ready, notReady },
      summary: `The Endpoints controller writes Endpoints ${name}: ${ready} ready and ${notReady} not-ready address(es).`,
    });
    const r = current
      ? ctx.request({ verb: 'PUT', path, body, causeId: span.id || undefined, userAgent: USER_AGENT })
      : ctx.request({ verb: 'POST', path: `/api/v1/namespaces/${ns}/endpoints`, body, causeId: span.id || undefined, userAgent: USER_AGENT });
    if (r.code >= 300) {
      const msg = errMessage(r.body, r.code);
      if (current) recorder.event(body, 'Warning', 'FailedToUpdateEndpoint', `Failed to update endpoint ${key}: ${msg}`);
      else recorder.event(body, 'Warning', 'FailedToCreateEndpoint', `Failed to create endpoint for service ${key}: ${msg}`);
      return false;
    }
    written.set(key, Number((r.body as KubeObject).metadata.resourceVersion));
    return true;
  }
}

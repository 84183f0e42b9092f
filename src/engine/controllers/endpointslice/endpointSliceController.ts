/**
 * The EndpointSlice controller: for every Service with a selector, EndpointSlices that list its
 * pods. Mirrors pkg/controller/endpointslice/endpointslice_controller.go (addPod/updatePod/
 * deletePod → GetPodServiceMemberships, onEndpointSliceAdd/Update/Delete with the
 * EndpointSliceTracker's ShouldSync and StaleSlices, syncService) and staging k8s.io/endpointslice
 * reconciler.go (finalize: creates, then updates, then deletes; the trigger-time annotation).
 */
import type { ComponentContext } from '../../component.ts';
import type { WatchEvent } from '../../apiserver/types.ts';
import type { KubeObject } from '../../types.ts';
import { WorkQueue } from '../replicaset/workqueue.ts';
import { reconcile } from './reconciler.ts';
import { TriggerTimeTracker } from './triggerTime.ts';
import { ServiceIndex, podEndpointsChanged } from './serviceIndex.ts';
import { startEndpointSliceMirroringController } from './mirroring.ts';
import { metaNamespaceKey } from '../controllerUtils.ts';
import {
  ANNOTATION_TRIGGER_TIME,
  CONTROLLER_NAME,
  LABEL_MANAGED_BY,
  LABEL_SERVICE_NAME,
  MAX_ENDPOINTS_PER_SLICE,
  podToEndpoint,
  shouldPodBeInEndpoints,
  selectorMatches,
  serviceSelector,
  type V1EndpointSlice,
  type V1Pod,
  type V1Service,
} from './utils.ts';

const USER_AGENT = 'kube-controller-manager/v1.34.0';
const SLICES = '/apis/discovery.k8s.io/v1';

export interface EndpointSliceControllerOptions {
  /** --max-endpoints-per-slice (default 100). */
  maxEndpointsPerSlice?: number;
}

const errMessage = (body: unknown, code: number) => (body as { message?: string } | undefined)?.message ?? `HTTP ${code}`;

/**
 * Starts the controller inside kube-controller-manager, and with it the EndpointSlice mirroring
 * controller (hand-written Endpoints of selector-less Services → slices).
 */
export function startEndpointSliceController(ctx: ComponentContext, opts: EndpointSliceControllerOptions = {}): void {
  startEndpointSliceMirroringController(ctx);
  const max = opts.maxEndpointsPerSlice ?? MAX_ENDPOINTS_PER_SLICE;
  const index = new ServiceIndex();
  const services = ctx.informer<V1Service>('/api/v1/services', undefined, {
    traced: (type, svc, old) => type !== 'MODIFIED' || JSON.stringify(svc.spec) !== JSON.stringify(old?.spec) || JSON.stringify(svc.metadata.labels) !== JSON.stringify(old?.metadata.labels),
  });
  const pods = ctx.informer<V1Pod>('/api/v1/pods', undefined, {
    // A pod change is a hop worth drawing when a Service selects the pod and its endpoint changed.
    traced: (type, pod, old) => (type !== 'MODIFIED' || podEndpointsChanged(old, pod)) && (index.servicesFor(pod).length > 0 || (!!old && index.servicesFor(old).length > 0)),
  });
  // Our own writes echo back here: not worth a hop.
  const slices = ctx.informer<V1EndpointSlice>(`${SLICES}/endpointslices`, undefined, { traced: () => false });
  const nodes = ctx.informer<KubeObject>('/api/v1/nodes', undefined, { traced: () => false });
  const recorder = ctx.recorder({ component: 'endpointslice-controller' });
  const triggers = new TriggerTimeTracker();
  /** EndpointSliceTracker: the resourceVersion we expect to see for each slice we wrote (0 = deleted). */
  const expected = new Map<string, { service: string; rv: number }>();
  const causes = new Map<string, number>();
  const queue = new WorkQueue(ctx.clock, (key) => (sync(key) ? queue.forget(key) : queue.addRateLimited(key)));

  const enqueue = (key: string, ev?: WatchEvent<unknown>) => {
    if (ev?.spanId) causes.set(key, ev.spanId);
    queue.add(key);
  };
  const managedService = (s: V1EndpointSlice) =>
    s.metadata.labels?.[LABEL_MANAGED_BY] === CONTROLLER_NAME && s.metadata.labels?.[LABEL_SERVICE_NAME] ? `${s.metadata.namespace}/${s.metadata.labels[LABEL_SERVICE_NAME]}` : undefined;

  // A Service without a selector (or ExternalName) syncs to nothing: not queued (the `kubernetes`
  // Service would otherwise leave a sync pending after boot).
  services.addEventHandler({
    add: (s, ev) => {
      index.set(s);
      if (index.has(s)) enqueue(metaNamespaceKey(s), ev);
    },
    update: (_o, s, ev) => {
      index.set(s);
      if (index.has(s)) enqueue(metaNamespaceKey(s), ev);
    },
    delete: (s, ev) => {
      index.remove(s);
      enqueue(metaNamespaceKey(s), ev);
    },
  });
  pods.addEventHandler({
    add: (p, ev) => {
      for (const k of index.servicesFor(p)) enqueue(k, ev);
    },
    update: (old, p, ev) => {
      const labelsChanged = JSON.stringify(old.metadata.labels ?? {}) !== JSON.stringify(p.metadata.labels ?? {});
      if (!labelsChanged && !podEndpointsChanged(old, p)) return;
      const keys = new Set(index.servicesFor(p));
      if (labelsChanged) for (const k of index.servicesFor(old)) keys.add(k);
      for (const k of keys) enqueue(k, ev);
    },
    delete: (p, ev) => {
      for (const k of index.servicesFor(p)) enqueue(k, ev);
    },
  });
  /** ShouldSync: a managed slice changed or vanished without us writing it. */
  const onSlice = (s: V1EndpointSlice, deleted: boolean) => {
    const svc = managedService(s);
    if (!svc) return;
    const k = metaNamespaceKey(s);
    const exp = expected.get(k);
    const rv = Number(s.metadata.resourceVersion ?? 0);
    if (exp && exp.rv === 0 && !deleted) return; // an echo of a write before our delete
    if (exp && (deleted || rv >= exp.rv)) {
      expected.delete(k);
      if ((exp.rv === 0) === deleted && (deleted || rv === exp.rv)) return;
    } else if (exp) return; // an older event than our write
    if (services.get(svc)) queue.add(svc);
  };
  slices.addEventHandler({ add: (s) => onSlice(s, false), update: (_o, s) => onSlice(s, false), delete: (s) => onSlice(s, true) });

  function sync(key: string): boolean {
    const cause = causes.get(key);
    causes.delete(key);
    const [ns, name] = key.split('/') as [string, string];
    const svc = services.get(key);
    if (!svc) {
      triggers.delete(ns, name);
      return true; // the garbage collector deletes the slices (ownerReferences)
    }
    const selector = serviceSelector(svc);
    if (svc.spec?.type === 'ExternalName' || !selector || svc.metadata.deletionTimestamp) return true;
    const selected = pods.list().filter((p) => p.metadata.namespace === ns && selectorMatches(selector, p.metadata.labels));
    const existing = slices.list().filter((s) => s.metadata.namespace === ns && s.metadata.labels?.[LABEL_SERVICE_NAME] === name && s.metadata.labels?.[LABEL_MANAGED_BY] === CONTROLLER_NAME);
    // StaleSlices: the cache has not caught up with our last writes for this Service.
    for (const e of expected.values()) {
      if (e.service !== key) continue;
      if (cause && !causes.has(key)) causes.set(key, cause); // the retry keeps what caused it
      return false;
    }
    const triggerTime = triggers.compute(ns, svc, selected);
    const plan = reconcile(svc, selected, existing, max, (n) => nodes.get(n));
    // errNodeNotFound: write what we can, then retry until the pod or its Node shows up.
    const settled = !plan.missingNodes;
    if (plan.create.length + plan.update.length + plan.delete.length === 0) return settled;

    const ready = selected.filter((p) => shouldPodBeInEndpoints(p, true) && podToEndpoint(p, svc).conditions.ready).length;
    const span = ctx.trace({
      from: 'controller-manager', to: 'controller-manager', verb: 'syncService', object: `Service/${key}`, kind: 'endpointSliceSync', duration: 0, causeId: cause,
      args: { service: name, namespace: ns, pods: selected.length, ready, create: plan.create.length, update: plan.update.length, delete: plan.delete.length },
      summary: `The EndpointSlice controller syncs Service ${name}: ${selected.length} selected pod(s), ${ready} ready; it creates ${plan.create.length}, updates ${plan.update.length} and deletes ${plan.delete.length} EndpointSlice(s).`,
    });
    const annotate = (s: V1EndpointSlice) => {
      const ann = { ...(s.metadata.annotations ?? {}) };
      if (triggerTime) ann[ANNOTATION_TRIGGER_TIME] = triggerTime;
      else delete ann[ANNOTATION_TRIGGER_TIME];
      s.metadata.annotations = ann;
      if (Object.keys(ann).length === 0) delete s.metadata.annotations;
    };
    const errors: string[] = [];
    const base = `${SLICES}/namespaces/${ns}/endpointslices`;
    for (const s of plan.create) {
      annotate(s);
      const r = ctx.request({ verb: 'POST', path: base, body: s, causeId: span.id || undefined, userAgent: USER_AGENT });
      if (r.code < 300) {
        const made = r.body as V1EndpointSlice;
        expected.set(metaNamespaceKey(made), { service: key, rv: Number(made.metadata.resourceVersion) });
      } else errors.push(errMessage(r.body, r.code));
    }
    for (const s of plan.update) {
      annotate(s);
      const r = ctx.request({ verb: 'PUT', path: `${base}/${s.metadata.name}`, body: s, causeId: span.id || undefined, userAgent: USER_AGENT });
      if (r.code < 300) expected.set(metaNamespaceKey(s), { service: key, rv: Number((r.body as V1EndpointSlice).metadata.resourceVersion) });
      else errors.push(errMessage(r.body, r.code));
    }
    for (const s of plan.delete) {
      const r = ctx.request({ verb: 'DELETE', path: `${base}/${s.metadata.name}`, causeId: span.id || undefined, userAgent: USER_AGENT });
      if (r.code < 300) expected.set(metaNamespaceKey(s), { service: key, rv: 0 });
      else if (r.code !== 404) errors.push(errMessage(r.body, r.code));
    }
    if (errors.length) {
      recorder.event(svc, 'Warning', 'FailedToUpdateEndpointSlices', `Error updating Endpoint Slices for Service ${key}: ${errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`}`);
      return false;
    }
    return settled;
  }
}

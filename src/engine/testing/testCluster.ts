/**
 * TestCluster: engine tests that read like scenarios.
 *   const c = new TestCluster();
 *   c.apply(yaml); c.runFor('30s');
 *   expect(c.pods('app=web')).toHaveLength(3);
 * `apply` creates (or, when the object exists, replaces) through the REST handler as kubectl
 * would, so every admission, validation and span is the real one.
 */
import { parseAllDocuments } from 'yaml';
import { createCluster, type SimCluster } from '../cluster.ts';
import type { ClusterOptions, KubeObject } from '../types.ts';
import type { RestResponse } from '../apiserver/types.ts';
import type { Span } from '../trace/span.ts';
import { KINDS } from '../../schema/kinds.ts';

/** `500ms`, `30s`, `5m`, `1h30m` → ms (a plain number is ms). */
export function parseDuration(d: string | number): number {
  if (typeof d === 'number') return d;
  let total = 0;
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s)/g;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = re.exec(d))) {
    total += Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms']!;
    consumed += m[0].length;
  }
  if (consumed !== d.length) throw new Error(`bad duration ${d}`);
  return total;
}

/** REST collection path for an object (`/api/v1/namespaces/default/pods`). */
export function collectionPath(obj: { apiVersion: string; kind: string; metadata?: { namespace?: string } }, namespace = 'default'): string {
  const k = KINDS.find((x) => x.apiVersion === obj.apiVersion && x.kind === obj.kind);
  if (!k) throw new Error(`no matches for kind "${obj.kind}" in version "${obj.apiVersion}"`);
  const base = k.apiVersion.includes('/') ? `/apis/${k.apiVersion}` : `/api/${k.apiVersion}`;
  return k.namespaced ? `${base}/namespaces/${obj.metadata?.namespace ?? namespace}/${k.resource}` : `${base}/${k.resource}`;
}

export class TestCluster {
  readonly cluster: SimCluster;
  readonly spans: Span[] = [];

  constructor(opts: ClusterOptions = {}) {
    this.cluster = createCluster(opts);
    this.cluster.onSpan((s) => this.spans.push(s));
  }

  /** Create (or replace) each document of a YAML string, or one object. Returns the responses. */
  apply(input: string | Record<string, unknown>): RestResponse[] {
    const docs = typeof input === 'string' ? parseAllDocuments(input).map((d) => d.toJSON() as Record<string, unknown>).filter(Boolean) : [input];
    return docs.map((doc) => {
      const obj = doc as { apiVersion: string; kind: string; metadata?: { name?: string; namespace?: string } };
      const path = collectionPath(obj);
      const res = this.cluster.handle({ verb: 'POST', path, body: doc });
      if (res.code !== 409 || !obj.metadata?.name) return res;
      const cur = this.cluster.handle({ verb: 'GET', path: `${path}/${obj.metadata.name}` }).body as KubeObject;
      const body = { ...doc, metadata: { ...obj.metadata, resourceVersion: cur.metadata.resourceVersion } };
      return this.cluster.handle({ verb: 'PUT', path: `${path}/${obj.metadata.name}`, body });
    });
  }

  get(path: string): RestResponse {
    return this.cluster.handle({ verb: 'GET', path });
  }

  runFor(d: string | number): void {
    this.cluster.runFor(parseDuration(d));
  }

  private list(path: string, query?: Record<string, string>): KubeObject[] {
    const res = this.cluster.handle({ verb: 'GET', path, query });
    if (res.code !== 200) throw new Error(JSON.stringify(res.body));
    return (res.body as { items: KubeObject[] }).items;
  }

  /** Pods in all namespaces, optionally filtered by a label selector. */
  pods(labelSelector?: string): KubeObject[] {
    return this.list('/api/v1/pods', labelSelector ? { labelSelector } : undefined);
  }

  pod(name: string, namespace = 'default'): KubeObject | undefined {
    const res = this.get(`/api/v1/namespaces/${namespace}/pods/${name}`);
    return res.code === 200 ? (res.body as KubeObject) : undefined;
  }

  nodes(): KubeObject[] {
    return this.list('/api/v1/nodes');
  }

  /** Deployments in all namespaces, optionally filtered by a label selector. */
  deployments(labelSelector?: string): KubeObject[] {
    return this.list('/apis/apps/v1/deployments', labelSelector ? { labelSelector } : undefined);
  }

  deployment(name: string, namespace = 'default'): KubeObject | undefined {
    const res = this.get(`/apis/apps/v1/namespaces/${namespace}/deployments/${name}`);
    return res.code === 200 ? (res.body as KubeObject) : undefined;
  }

  /** ReplicaSets in all namespaces, optionally filtered by a label selector. */
  replicasets(labelSelector?: string): KubeObject[] {
    return this.list('/apis/apps/v1/replicasets', labelSelector ? { labelSelector } : undefined);
  }

  replicaset(name: string, namespace = 'default'): KubeObject | undefined {
    const res = this.get(`/apis/apps/v1/namespaces/${namespace}/replicasets/${name}`);
    return res.code === 200 ? (res.body as KubeObject) : undefined;
  }

  /** PATCH `…/{resource}/NAME/scale` as `kubectl scale` does (resource: `deployments` or `replicasets`). */
  scale(resource: 'deployments' | 'replicasets', name: string, replicas: number, namespace = 'default'): RestResponse {
    return this.cluster.handle({
      verb: 'PATCH',
      path: `/apis/apps/v1/namespaces/${namespace}/${resource}/${name}/scale`,
      body: { spec: { replicas } },
      patchType: 'application/merge-patch+json',
    });
  }

  /** DELETE an object by its REST path, optionally with a propagationPolicy (as `kubectl delete --cascade`). */
  delete(path: string, propagationPolicy?: 'Background' | 'Foreground' | 'Orphan'): RestResponse {
    return this.cluster.handle({ verb: 'DELETE', path, ...(propagationPolicy ? { body: { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy } } : {}) });
  }

  /** Spans of one narration kind (`gcDeleteDependent`, `replicaSetSync` …), in order. */
  spansOf(kind: string): Span[] {
    return this.spans.filter((s) => s.kind === kind);
  }

  /** Events (all namespaces), oldest first, optionally about one object name. */
  events(objectName?: string): KubeObject[] {
    const items = this.list('/api/v1/events', objectName ? { fieldSelector: `involvedObject.name=${objectName}` } : undefined);
    return items.sort((a, b) => String(a.firstTimestamp).localeCompare(String(b.firstTimestamp)) || a.metadata.name.localeCompare(b.metadata.name));
  }
}

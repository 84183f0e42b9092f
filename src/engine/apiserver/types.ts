/**
 * The REST-shaped surface of kube-apiserver. Every client (kubectl, the scheduler, kubelets,
 * controllers) talks to the cluster through these shapes, as in real Kubernetes.
 */
import type { StageId } from '../trace/span.ts';

export type Verb = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RestRequest {
  verb: Verb;
  /** A real API path: `/api/v1/namespaces/default/pods/web`, `/apis/apps/v1/deployments`, `/api/v1/nodes/worker-1/status`, `/api/v1/namespaces/default/pods/web/binding`. */
  path: string;
  /** Query parameters: `labelSelector`, `fieldSelector`, `dryRun`, `propagationPolicy`, `fieldManager`. */
  query?: Record<string, string>;
  /** JSON body (already parsed). For PATCH, see `patchType`. */
  body?: unknown;
  /** `application/merge-patch+json` (default) or `application/strategic-merge-patch+json`. */
  patchType?: string;
  /** Which pipeline stage made the request (for the trace); defaults to `kubectl`. */
  from?: StageId;
  /** Node name when `from` is `kubelet`. */
  node?: string;
  /** The span that led to this request. */
  causeId?: number;
  /** The user agent, e.g. `kubectl/v1.34.0`, `kube-scheduler/v1.34.0`, `kubelet/v1.34.0`. */
  userAgent?: string;
}

/** A v1 Status (kind: Status), as the API server returns on errors. */
export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message: string;
  reason: string;
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    causes?: { reason: string; message: string; field: string }[];
  };
  code: number;
}

export interface RestResponse {
  /** HTTP status code. */
  code: number;
  /** The object, a List, or a Status on error. */
  body: unknown;
  /** The span recording this request (so follow-up requests can name it as their cause). */
  spanId?: number;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent<T = unknown> {
  type: WatchEventType;
  object: T;
  /**
   * The span that delivered this event to an informer (or, for `Cluster.watch`, the etcd write
   * that caused it). Components pass it as `causeId` of the requests they make in reaction.
   * Absent when the write was quiet. (Added by H1; optional, so backward compatible.)
   */
  spanId?: number;
}

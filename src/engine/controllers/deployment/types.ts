/**
 * Object shapes and the client surface the Deployment controller's sync functions use. The sync
 * functions (sync.ts, rolling.ts, recreate.ts, progress.ts) take a `DeploymentClient` instead of
 * a ComponentContext so unit tests can drive them against an in-memory model.
 */
import type { Deployment, DeploymentCondition, DeploymentStatus, ReplicaSet, ReplicaSetStatus } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../types.ts';

export type V1Deployment = Omit<Deployment, 'status'> & KubeObject & { status?: DeploymentStatus };
/** terminatingReplicas is newer than kubernetes-types (DeploymentReplicaSetTerminatingReplicas). */
export type V1ReplicaSet = Omit<ReplicaSet, 'status'> & KubeObject & { status?: ReplicaSetStatus & { terminatingReplicas?: number } };
export type { DeploymentCondition, DeploymentStatus, PodTemplateSpec };

/** Thrown when a write fails: the sync stops and the key is requeued with back-off (as `return err` upstream). */
export class SyncError extends Error {}

/** A decision the controller narrates before acting (one trace span). */
export interface Decision {
  kind: string;
  args: Record<string, string | number>;
  summary: string;
}

/** What the sync functions need from the controller: the typed client, recorder, queue and clock. */
export interface DeploymentClient {
  /** Unix ms on the virtual wall clock. */
  nowMs(): number;
  /** RFC 3339 of nowMs() (metav1.Now()). */
  timestamp(): string;
  /** POST; the created object, or the API status code and message. */
  createReplicaSet(rs: V1ReplicaSet, causeId?: number): { rs?: V1ReplicaSet; code: number; message?: string };
  /** PUT (with the object's resourceVersion); throws SyncError on failure. */
  updateReplicaSet(rs: V1ReplicaSet, causeId?: number): V1ReplicaSet;
  /** DELETE; a 404 is not an error. Throws SyncError otherwise. */
  deleteReplicaSet(rs: V1ReplicaSet, causeId?: number): void;
  /** PUT …/status; returns the stored Deployment. Throws SyncError on failure. */
  updateDeploymentStatus(d: V1Deployment, causeId?: number): V1Deployment;
  /** The informer's copy (rsLister.Get). */
  getReplicaSet(namespace: string, name: string): V1ReplicaSet | undefined;
  event(d: V1Deployment, type: 'Normal' | 'Warning', reason: string, message: string): void;
  /** Requeue after `ms` of virtual time (AddAfter). */
  enqueueAfter(d: V1Deployment, ms: number): void;
  /** Requeue with the per-item back-off (AddRateLimited). */
  enqueueRateLimited(d: V1Deployment): void;
  /** Trace a decision; its span id becomes the cause of the writes it leads to. */
  decide(d: V1Deployment, decision: Decision): number | undefined;
  /** The span that caused this sync (a watch delivery), if any. */
  cause?: number;
}

/** UpdateStatus, then carry the new resourceVersion and status on our working copy (`d`). */
export function writeStatus(dc: DeploymentClient, d: V1Deployment, status: DeploymentStatus, causeId?: number): void {
  const stored = dc.updateDeploymentStatus({ ...d, status }, causeId);
  d.metadata = { ...d.metadata, resourceVersion: stored.metadata.resourceVersion };
  d.status = status;
}

export function nsOf(o: KubeObject): string {
  return o.metadata.namespace ?? 'default';
}

/** `*(rs.Spec.Replicas)`; the API server defaults it to 1. */
export function rsReplicas(rs: V1ReplicaSet): number {
  return rs.spec?.replicas ?? 1;
}

/** `*(d.Spec.Replicas)`; the API server defaults it to 1. */
export function dReplicas(d: V1Deployment): number {
  return d.spec?.replicas ?? 1;
}

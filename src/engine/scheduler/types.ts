/** Object shapes the scheduler and kubelet read, from kubernetes-types, as stored objects. */
import type { Container, Node, Pod, Taint, Toleration } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../types.ts';

export type V1Pod = Pod & KubeObject;
export type V1Node = Node & KubeObject;
export type { Container, Taint, Toleration };

/** `namespace/name`, the informer key. */
export function podKey(pod: { metadata: { namespace?: string; name: string } }): string {
  return `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
}

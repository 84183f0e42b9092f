/** Namespace table rows. Mirrors pkg/printers/internalversion/printers.go: printNamespace. */
import type { Namespace } from 'kubernetes-types/core/v1';
import { ageSince } from '../duration.ts';

export const NAMESPACE_COLUMNS = ['NAME', 'STATUS', 'AGE'];

export function namespaceRow(ns: Namespace, nowMs: number): string[] {
  return [ns.metadata?.name ?? '', ns.status?.phase ?? '', ageSince(ns.metadata?.creationTimestamp, nowMs)];
}

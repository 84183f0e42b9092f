/**
 * POST /api/v1/namespaces/NS/pods/NAME/eviction: the Eviction API, which deletes a pod only if
 * no PodDisruptionBudget forbids it. Mirrors pkg/registry/core/pod/storage/eviction.go
 * (EvictionREST.Create, checkAndDecrement).
 * CONTRACT STUB: filled in by the PDB work.
 */
import { methodNotAllowed } from './errors.ts';
import type { WriteCtx } from './server.ts';

export function handleEviction(ctx: WriteCtx): { code: number; body: unknown } {
  void ctx;
  throw methodNotAllowed();
}

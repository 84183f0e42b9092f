/**
 * The garbage collector (k/k pkg/controller/garbagecollector). STUB: owned by the API-server
 * helper, which replaces this file.
 */
import type { ComponentContext } from '../../component.ts';

/** Starts the garbage collector inside kube-controller-manager. */
export function startGarbageCollector(_ctx: ComponentContext): void {}

/**
 * The engine's only public surface (DESIGN.md): build or restore a cluster, its types, the
 * pipeline stage ids, and quantity helpers. Everything else is internal.
 */
export { createCluster, restoreCluster, type SimCluster } from './cluster.ts';
export type { Cluster, ClusterOptions, ClusterSnapshot, KubeObject, NodeAddOptions, ObjectChange, ContainerKillOptions, ProbeFailOptions, ProbeKind, SimActions, SimResult } from './types.ts';
export type { RestRequest, RestResponse, Status, Verb, WatchEvent, WatchEventType } from './apiserver/types.ts';
export { STAGE_IDS, type Span, type SpanInput, type StageId } from './trace/span.ts';
export { parseQuantity, tryParseQuantity, formatQuantity, cpuMillis, memoryBytes, milliValue, quantityValue, QUANTITY_ERROR, type Quantity } from './api/quantity.ts';
export { EPOCH_MS, rfc3339 } from './clock/clock.ts';

/**
 * The diagram's fixed geometry, in the order of the story (shared/seed/PIPELINE.md):
 *
 *   manifest ──▶ kubectl ──▶ kube-apiserver ⇄ etcd
 *      │ push          ╎watch    ╎watch    ╎watch
 *      ▼        controller-mgr   ╎      scheduler
 *   registry ─pull▶ runtime ◀── kubelet (one row per node)
 *                     ▼
 *                  service ──▶ ingress ──▶ client
 *
 * Watches point from the API server to the watcher, as the events flow (the real thing: no
 * component is commanded, each one watches). Pure data, no React, so it is unit-tested.
 */

/** Pipeline stage ids (DESIGN.md contract; the UI keeps its own copy, it may not import the engine). */
export const STAGES = [
  'manifest',
  'registry',
  'kubectl',
  'apiserver',
  'etcd',
  'controller-manager',
  'scheduler',
  'kubelet',
  'runtime',
  'service',
  'ingress',
  'client',
] as const;
export type Stage = (typeof STAGES)[number];

export type Side = 'top' | 'right' | 'bottom' | 'left';
export type EdgeKind = 'request' | 'watch' | 'data';

export interface StageBox {
  id: Stage;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface HopEdgeSpec {
  id: string;
  source: Stage;
  target: Stage;
  sourceSide: Side;
  targetSide: Side;
  kind: EdgeKind;
  /** i18n key under `pipeline:edge.` for the edge label. */
  label: string;
  /** Arrow heads at both ends (apiserver ⇄ etcd). */
  both?: boolean;
}

export const STAGE_WIDTH = 256;
export const STAGE_HEIGHT = 104;
const COL_GAP = 104;
const ROW_GAP = 66;
const COL = (i: number) => i * (STAGE_WIDTH + COL_GAP);
const ROW = (i: number) => i * (STAGE_HEIGHT + ROW_GAP);

/** Up to this many nodes, the kubelet stage lists one node per row; beyond, a grid of chips. */
export const KUBELET_ROWS_MAX = 6;
/** Nodes shown by name in the kubelet stage; the rest are counted. */
export const KUBELET_NAMES_MAX = 60;
export const KUBELET_ROW_HEIGHT = 26;
export const KUBELET_CHIP_HEIGHT = 22;
export const KUBELET_HEADER = 74;

/** Chips per line when the kubelet stage shows a grid (it spans two columns then). */
export const KUBELET_CHIPS_PER_LINE = 6;

/** Size of the kubelet stage for `nodeCount` nodes. */
export function kubeletSize(nodeCount: number): { width: number; height: number; wide: boolean } {
  if (nodeCount <= KUBELET_ROWS_MAX) {
    return { width: STAGE_WIDTH, height: Math.max(STAGE_HEIGHT, KUBELET_HEADER + nodeCount * KUBELET_ROW_HEIGHT + 8), wide: false };
  }
  const shown = Math.min(nodeCount, KUBELET_NAMES_MAX) + (nodeCount > KUBELET_NAMES_MAX ? 1 : 0);
  const lines = Math.ceil(shown / KUBELET_CHIPS_PER_LINE);
  return { width: 2 * STAGE_WIDTH + COL_GAP, height: KUBELET_HEADER + lines * (KUBELET_CHIP_HEIGHT + 4) + 8, wide: true };
}

/** Positions of every stage for a cluster of `nodeCount` nodes. */
export function stageBoxes(nodeCount: number): StageBox[] {
  const k = kubeletSize(nodeCount);
  const box = (id: Stage, col: number, y: number, width = STAGE_WIDTH, height = STAGE_HEIGHT): StageBox => ({
    id,
    x: COL(col),
    y,
    width,
    height,
  });
  const row3 = ROW(2) + Math.max(STAGE_HEIGHT, k.height) + ROW_GAP;
  return [
    box('manifest', 0, ROW(0)),
    box('kubectl', 1, ROW(0)),
    box('apiserver', 2, ROW(0)),
    box('etcd', 3, ROW(0)),
    box('controller-manager', 1, ROW(1)),
    box('scheduler', 3, ROW(1)),
    box('registry', 0, ROW(2)),
    box('runtime', 1, ROW(2)),
    box('kubelet', 2, ROW(2), k.width, k.height),
    box('service', 1, row3),
    box('ingress', 2, row3),
    box('client', 3, row3),
  ];
}

/** The edges, in story order. */
export const EDGES: readonly HopEdgeSpec[] = [
  { id: 'manifest-kubectl', source: 'manifest', target: 'kubectl', sourceSide: 'right', targetSide: 'left', kind: 'request', label: 'apply' },
  { id: 'manifest-registry', source: 'manifest', target: 'registry', sourceSide: 'bottom', targetSide: 'top', kind: 'data', label: 'push' },
  { id: 'kubectl-apiserver', source: 'kubectl', target: 'apiserver', sourceSide: 'right', targetSide: 'left', kind: 'request', label: 'rest' },
  { id: 'apiserver-etcd', source: 'apiserver', target: 'etcd', sourceSide: 'right', targetSide: 'left', kind: 'request', label: 'persist', both: true },
  { id: 'apiserver-controller-manager', source: 'apiserver', target: 'controller-manager', sourceSide: 'bottom', targetSide: 'top', kind: 'watch', label: 'watch' },
  { id: 'apiserver-scheduler', source: 'apiserver', target: 'scheduler', sourceSide: 'bottom', targetSide: 'top', kind: 'watch', label: 'watch' },
  { id: 'apiserver-kubelet', source: 'apiserver', target: 'kubelet', sourceSide: 'bottom', targetSide: 'top', kind: 'watch', label: 'watch' },
  { id: 'kubelet-runtime', source: 'kubelet', target: 'runtime', sourceSide: 'left', targetSide: 'right', kind: 'request', label: 'cri' },
  { id: 'registry-runtime', source: 'registry', target: 'runtime', sourceSide: 'right', targetSide: 'left', kind: 'data', label: 'pull' },
  { id: 'runtime-service', source: 'runtime', target: 'service', sourceSide: 'bottom', targetSide: 'top', kind: 'data', label: 'endpoints' },
  { id: 'service-ingress', source: 'service', target: 'ingress', sourceSide: 'right', targetSide: 'left', kind: 'data', label: 'route' },
  { id: 'ingress-client', source: 'ingress', target: 'client', sourceSide: 'right', targetSide: 'left', kind: 'data', label: 'expose' },
];

/** The edge a hop travels, and whether it runs against the edge's direction. */
export interface HopRoute {
  edgeId: string;
  reverse: boolean;
}

const ROUTES = new Map<string, HopRoute>();
for (const e of EDGES) {
  ROUTES.set(`${e.source}>${e.target}`, { edgeId: e.id, reverse: false });
  ROUTES.set(`${e.target}>${e.source}`, { edgeId: e.id, reverse: true });
}

/** Route of a hop `from → to`; undefined when no edge joins them (drawn as a direct line). */
export function routeOf(from: string, to: string): HopRoute | undefined {
  return ROUTES.get(`${from}>${to}`);
}

/** Is `id` a stage this diagram draws? */
export function isStage(id: string): id is Stage {
  return (STAGES as readonly string[]).includes(id);
}

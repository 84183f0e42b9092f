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

import type { StageId } from '../../protocol/types.ts';

/**
 * Pipeline stage ids (DESIGN.md contract). The UI keeps its own copy because it may not import
 * engine values; `satisfies` and `SameStages` make the compiler hold the two lists equal.
 */
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
] as const satisfies readonly StageId[];
export type Stage = (typeof STAGES)[number];
type SameStages = [StageId] extends [Stage] ? true : never;
export const STAGES_MATCH_ENGINE: SameStages = true;

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

/**
 * Box and gap sizes. `roomy` suits a large diagram area (presenter mode, a big screen): every
 * stage shows its role. `compact` suits a short, wide area (the default 1280×720 screen): only
 * the names, tighter gaps, so the labels stay as large as possible once the diagram is fitted.
 */
export interface Geometry {
  width: number;
  height: number;
  colGap: number;
  rowGap: number;
  /**
   * kubelet stage: header height; one row per node up to `rowsMax` nodes, else a grid of
   * `chipsPerLine` chips per line spanning two columns (wide areas prefer width to height).
   */
  kubeletHeader: number;
  rowHeight: number;
  chipHeight: number;
  rowsMax: number;
  chipsPerLine: number;
}

export const ROOMY: Geometry = {
  width: 256, height: 104, colGap: 104, rowGap: 66, kubeletHeader: 74, rowHeight: 26, chipHeight: 26, rowsMax: 6, chipsPerLine: 6,
};
export const COMPACT: Geometry = {
  width: 236, height: 60, colGap: 70, rowGap: 36, kubeletHeader: 40, rowHeight: 22, chipHeight: 26, rowsMax: 0, chipsPerLine: 4,
};

/** Nodes shown by name in the kubelet stage; the rest are counted. */
export const KUBELET_NAMES_MAX = 60;

/** Chips per line of the kubelet grid: a few nodes get wider chips, so `control-plane` fits. */
export function kubeletColumns(nodeCount: number, g: Geometry = ROOMY): number {
  return nodeCount <= 6 ? Math.min(3, g.chipsPerLine) : g.chipsPerLine;
}

/** Size of the kubelet stage for `nodeCount` nodes. */
export function kubeletSize(nodeCount: number, g: Geometry = ROOMY): { width: number; height: number; wide: boolean } {
  if (nodeCount <= g.rowsMax) {
    return { width: g.width, height: Math.max(g.height, g.kubeletHeader + nodeCount * g.rowHeight + 8), wide: false };
  }
  const shown = Math.min(nodeCount, KUBELET_NAMES_MAX) + (nodeCount > KUBELET_NAMES_MAX ? 1 : 0);
  const lines = Math.max(1, Math.ceil(shown / kubeletColumns(nodeCount, g)));
  return { width: 2 * g.width + g.colGap, height: Math.max(g.height, g.kubeletHeader + lines * g.chipHeight + 8), wide: true };
}

/** Positions of every stage for a cluster of `nodeCount` nodes. */
export function stageBoxes(nodeCount: number, g: Geometry = ROOMY): StageBox[] {
  const k = kubeletSize(nodeCount, g);
  const col = (i: number) => i * (g.width + g.colGap);
  const row = (i: number) => i * (g.height + g.rowGap);
  const box = (id: Stage, c: number, y: number, width = g.width, height = g.height): StageBox => ({ id, x: col(c), y, width, height });
  const row3 = row(2) + Math.max(g.height, k.height) + g.rowGap;
  return [
    box('manifest', 0, row(0)),
    box('kubectl', 1, row(0)),
    box('apiserver', 2, row(0)),
    box('etcd', 3, row(0)),
    box('controller-manager', 1, row(1)),
    box('scheduler', 3, row(1)),
    box('registry', 0, row(2)),
    box('runtime', 1, row(2)),
    box('kubelet', 2, row(2), k.width, k.height),
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

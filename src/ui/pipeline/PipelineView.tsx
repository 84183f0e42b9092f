/**
 * The pipeline diagram, the hero of the screen: every stage a manifest passes on its way to a
 * running, reachable container, with each hop the engine records travelling its edge as it
 * happens, and the narration line saying what just happened.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { MarkerType, ReactFlow, ReactFlowProvider, useReactFlow, useStore as useFlowStore, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/index.ts';
import { COMPACT, EDGES, ROOMY, stageBoxes, type Geometry } from './layout.ts';
import { StageNode, type StageNodeType } from './StageNode.tsx';
import { HopEdge, type HopEdgeType } from './HopEdge.tsx';
import { GhostHops } from './GhostHops.tsx';
import { Narration } from './Narration.tsx';
import './pipeline.css';

const nodeTypes = { stage: StageNode };
const edgeTypes = { hop: HopEdge };
/**
 * Margins of the fitted diagram, in screen pixels: room on the top and right for the ⓘ
 * Simplified markers, which sit half outside their stage's top-right corner.
 */
const FIT_MARGIN = { top: 12, right: 12, bottom: 6, left: 6 };
const FIT = {
  padding: { top: `${FIT_MARGIN.top}px`, right: `${FIT_MARGIN.right}px`, bottom: `${FIT_MARGIN.bottom}px`, left: `${FIT_MARGIN.left}px` },
} as const;
/**
 * The roomy layout (role lines under each name) only when it still fits at this zoom or more;
 * otherwise the compact one, whose names come out larger in the same box.
 */
const ROOMY_MIN_ZOOM = 0.95;

/** Zoom at which `fitView` would show the layout `g` in a `w`×`h` box. */
function fitZoom(nodeCount: number, g: Geometry, w: number, h: number): number {
  const boxes = stageBoxes(nodeCount, g);
  const width = Math.max(...boxes.map((b) => b.x + b.width));
  const height = Math.max(...boxes.map((b) => b.y + b.height));
  return Math.min((w - FIT_MARGIN.left - FIT_MARGIN.right) / width, (h - FIT_MARGIN.top - FIT_MARGIN.bottom) / height);
}

function buildNodes(nodeCount: number, compact: boolean): StageNodeType[] {
  return stageBoxes(nodeCount, compact ? COMPACT : ROOMY).map((b) => ({
    id: b.id,
    type: 'stage',
    position: { x: b.x, y: b.y },
    width: b.width,
    height: b.height,
    data: { stage: b.id, compact },
    draggable: false,
    selectable: false,
    connectable: false,
    focusable: false,
  }));
}

function buildEdges(): HopEdgeType[] {
  return EDGES.map((e) => {
    const marker = { type: MarkerType.ArrowClosed, width: 18, height: 18 };
    return {
      id: e.id,
      type: 'hop',
      source: e.source,
      target: e.target,
      sourceHandle: `s-${e.sourceSide}`,
      targetHandle: `t-${e.targetSide}`,
      markerEnd: marker,
      markerStart: e.both ? marker : undefined,
      data: { spec: e },
      selectable: false,
      focusable: false,
    };
  });
}

const EDGE_LIST = buildEdges();

/** Re-fits the diagram whenever its box or its layout changes (it never scrolls). */
function AutoFit({ host, layoutKey }: { host: React.RefObject<HTMLDivElement | null>; layoutKey: string }) {
  const { fitView } = useReactFlow();
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    let frame = 0;
    const fit = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => void fitView(FIT));
    };
    fit();
    const ro = new ResizeObserver(fit);
    ro.observe(el);
    return () => {
      cancelAnimationFrame(frame);
      ro.disconnect();
    };
  }, [host, fitView, layoutKey]);
  return null;
}

function Diagram() {
  const { t } = useTranslation('pipeline');
  const host = useRef<HTMLDivElement>(null);
  const nodeCount = useStore((s) => s.nodes.length);
  const [compact, setCompact] = useState(true);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setCompact(fitZoom(nodeCount, ROOMY, el.clientWidth, el.clientHeight) < ROOMY_MIN_ZOOM));
    ro.observe(el);
    return () => ro.disconnect();
  }, [nodeCount]);
  const nodes = useMemo<Node[]>(() => buildNodes(nodeCount, compact), [nodeCount, compact]);
  const boxes = useMemo(() => stageBoxes(nodeCount, compact ? COMPACT : ROOMY), [nodeCount, compact]);
  // The fitted zoom, for CSS: hop labels keep a legible size on screen however small the fit.
  const zoom = useFlowStore((s) => s.transform[2]);

  return (
    <div
      className="pipeline-canvas"
      ref={host}
      role="group"
      aria-label={t('aria.diagram')}
      style={{ '--flow-zoom': zoom } as React.CSSProperties}
    >
      <ReactFlow
        nodes={nodes}
        edges={EDGE_LIST as Edge[]}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        fitView
        fitViewOptions={FIT}
        minZoom={0.1}
        maxZoom={1.6}
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        panOnDrag={false}
        panOnScroll={false}
        zoomOnScroll={false}
        zoomOnPinch={false}
        zoomOnDoubleClick={false}
        preventScrolling={false}
        disableKeyboardA11y
        colorMode="dark"
      >
        <GhostHops boxes={boxes} />
        <AutoFit host={host} layoutKey={`${nodeCount}:${compact}`} />
      </ReactFlow>
    </div>
  );
}

/** The pipeline panel: diagram plus narration. H4's App lays it out. */
export function PipelineView() {
  const { t } = useTranslation('pipeline');
  return (
    <section className="pipeline-view" aria-label={t('panel')}>
      <ReactFlowProvider>
        <Diagram />
      </ReactFlowProvider>
      <Narration />
    </section>
  );
}

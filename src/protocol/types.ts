/**
 * The engine and kubectl types the UI needs, re-exported as types only so UI code never imports
 * the engine (DESIGN.md layers: ui → store → bridge → protocol ◀ worker → … → engine).
 */
export type { KubeObject, ClusterSnapshot, ContainerView, ObjectChange, SchedulingExplanation, TrafficStatus, ValueSource } from '../engine/types.ts';
export type { Span, StageId } from '../engine/trace/span.ts';
export type { KubectlResult, Diagnostic } from '../kubectl/types.ts';

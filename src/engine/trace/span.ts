/**
 * Trace spans: every hop the cluster makes, named by pipeline stage, so the diagram can animate
 * it and the UI can always answer "why did this happen?" (DESIGN.md, Principle 5).
 */

/** Pipeline stage ids — a contract relied on by tests outside this repo (DESIGN.md). */
export const STAGE_IDS = [
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
export type StageId = (typeof STAGE_IDS)[number];

/**
 * One hop. `kind` names the narration template (the UI translates `narration.<kind>` with
 * `args`; the CLI uses `summary`, which is always English). `payload` is what travelled: the
 * JSON body, the watch event, the binding.
 */
export interface Span {
  /** Monotonic per cluster, starting at 1. */
  id: number;
  /** Virtual ms when the hop started. */
  at: number;
  /** Virtual ms the hop took (0 for instantaneous notifications). */
  duration: number;
  from: StageId;
  to: StageId;
  /** Node name for kubelet/runtime hops. */
  node?: string;
  /** REST verb and path, watch event type, or runtime verb: `POST /api/v1/namespaces/default/pods`, `ADDED`, `PullImage`. */
  verb: string;
  /** `kind/namespace/name` or `kind/name` of the object concerned. */
  object?: string;
  /** Narration template key (see src/i18n/en.ts, `narration.*`). */
  kind: string;
  /** Values for the narration template. Strings and numbers only, so spans stay serializable. */
  args: Record<string, string | number>;
  /** One plain English sentence; the same text the English narration template renders. */
  summary: string;
  /** The span that caused this one (a watch event caused by a write, a bind caused by a watch). */
  causeId?: number;
  payload?: unknown;
}

export type SpanInput = Omit<Span, 'id' | 'at'> & { at?: number };

/**
 * Requested vs allocatable per node, as `kubectl describe node` prints "Allocated resources" and
 * as the scheduler's NodeResourcesFit counts them: each non-terminated pod bound to the node
 * contributes its effective request (k8s.io/component-helpers/resource/helpers.go PodRequests:
 * max(sum of containers, largest init container) + overhead; sidecar init containers simplified).
 */
import type { KubeObject } from '../../protocol/types.ts';

const DECIMAL: Record<string, number> = { '': 1, n: 1e-9, u: 1e-6, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const QUANTITY = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;

/**
 * The value of a resource.Quantity (`500m` → 0.5, `4Gi` → 4294967296, `1e3` → 1000), or
 * undefined when apimachinery's ParseQuantity would reject it.
 */
export function parseQuantity(q: string | number | undefined): number | undefined {
  if (typeof q === 'number') return Number.isFinite(q) ? q : undefined;
  if (q === undefined) return undefined;
  const m = QUANTITY.exec(q.trim());
  if (!m) return undefined;
  const [, num, suffix] = m;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(num!)) return undefined;
  const n = Number(num);
  let mult: number | undefined;
  if (suffix! in BINARY) mult = BINARY[suffix!];
  else if (suffix! in DECIMAL) mult = DECIMAL[suffix!];
  else if (/^[eE][-+]?\d+$/.test(suffix!)) mult = 10 ** Number(suffix!.slice(1));
  return mult === undefined ? undefined : n * mult;
}

/** cpu in millicores, memory in bytes, pods as a count. */
export interface Usage {
  cpu: number;
  memory: number;
  pods: number;
}

interface ContainerLike {
  resources?: { requests?: Record<string, string> };
}
interface PodLike {
  spec?: { containers?: ContainerLike[]; initContainers?: ContainerLike[]; overhead?: Record<string, string> };
  status?: { phase?: string };
}

function req(c: ContainerLike, name: 'cpu' | 'memory'): number {
  const v = parseQuantity(c.resources?.requests?.[name]) ?? 0;
  return name === 'cpu' ? Math.round(v * 1000) : v;
}

const cache = new WeakMap<KubeObject, { cpu: number; memory: number }>();

/** A pod's effective requests (cpu millicores, memory bytes); cached per pod object. */
export function podRequests(pod: KubeObject): { cpu: number; memory: number } {
  const hit = cache.get(pod);
  if (hit) return hit;
  const spec = (pod as unknown as PodLike).spec ?? {};
  const out = { cpu: 0, memory: 0 };
  for (const name of ['cpu', 'memory'] as const) {
    let sum = 0;
    for (const c of spec.containers ?? []) sum += req(c, name);
    let init = 0;
    for (const c of spec.initContainers ?? []) init = Math.max(init, req(c, name));
    const over = parseQuantity(spec.overhead?.[name]) ?? 0;
    out[name] = Math.max(sum, init) + (name === 'cpu' ? Math.round(over * 1000) : over);
  }
  cache.set(pod, out);
  return out;
}

/** Succeeded and Failed pods no longer hold resources (the scheduler drops them from NodeInfo). */
export function podTerminated(pod: KubeObject): boolean {
  const phase = (pod as unknown as PodLike).status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** Sum of the effective requests of the non-terminated pods among `pods`. */
export function requestedOn(pods: Iterable<KubeObject | undefined>): Usage {
  const u: Usage = { cpu: 0, memory: 0, pods: 0 };
  for (const p of pods) {
    if (!p || podTerminated(p)) continue;
    const r = podRequests(p);
    u.cpu += r.cpu;
    u.memory += r.memory;
    u.pods += 1;
  }
  return u;
}

/** A node's allocatable (falling back to capacity) in the same units. */
export function allocatableOf(node: KubeObject): Usage {
  const st = (node as unknown as { status?: { allocatable?: Record<string, string>; capacity?: Record<string, string> } }).status;
  const a = st?.allocatable ?? st?.capacity ?? {};
  return {
    cpu: Math.round((parseQuantity(a.cpu) ?? 0) * 1000),
    memory: parseQuantity(a.memory) ?? 0,
    pods: parseQuantity(a.pods) ?? 0,
  };
}

/** Percent of `total` used by `used`, as `kubectl describe node` rounds it (integer division). */
export function percent(used: number, total: number): number {
  return total > 0 ? Math.floor((used * 100) / total) : 0;
}

/** `250m` / `1.5` / `2` cores. */
export function formatCpu(milli: number): string {
  if (milli % 1000 === 0) return String(milli / 1000);
  if (milli < 1000) return `${milli}m`;
  return String(Math.round(milli / 100) / 10);
}

/** Bytes as the largest binary unit that reads well: `512Mi`, `1.5Gi`, `64Ki`. */
export function formatBytes(bytes: number): string {
  if (bytes === 0) return '0';
  for (const [unit, size] of [['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]] as const) {
    if (bytes >= size) {
      const v = bytes / size;
      return `${Number.isInteger(v) ? v : Math.round(v * 10) / 10}${unit}`;
    }
  }
  return String(bytes);
}

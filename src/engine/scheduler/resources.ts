/**
 * Resource quantities and a pod's effective requests.
 * Mirrors k8s.io/apimachinery resource.Quantity (parsing only) and
 * component-helpers/resource/helpers.go: PodRequests; scheduler util/pod_resources.go
 * (DefaultMilliCPURequest, DefaultMemoryRequest).
 */
import type { Container, V1Pod } from './types.ts';

const SUFFIX: Record<string, number> = {
  '': 1, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};
const QUANTITY = /^([+-]?[0-9.]+)(?:([eE][+-]?[0-9]+)|(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E)?)$/;

/** The value of a quantity string in base units, or NaN when it does not parse. */
export function parseQuantity(q: string | number | undefined): number {
  if (q === undefined) return 0;
  if (typeof q === 'number') return q;
  const m = QUANTITY.exec(q.trim());
  if (!m) return NaN;
  const n = Number(m[1]);
  if (m[2]) return n * 10 ** Number(m[2].slice(1));
  return n * SUFFIX[m[3] ?? '']!;
}

/** CPU in millicores, rounded up as Quantity.MilliValue does. */
export function milliCPU(q: string | number | undefined): number {
  const v = parseQuantity(q);
  return Number.isFinite(v) ? Math.ceil(Math.round(v * 1e6) / 1e3) : 0;
}

/** Bytes (memory, ephemeral-storage), rounded up as Quantity.Value does. */
export function bytes(q: string | number | undefined): number {
  const v = parseQuantity(q);
  return Number.isFinite(v) ? Math.ceil(v) : 0;
}

/** Requests the scheduler accounts for. */
export interface Resources {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
}

/** Scheduling-only defaults for a container that requests nothing (pod_resources.go). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

function containerRequests(c: Container, nonZero: boolean): Resources {
  const r = c.resources?.requests ?? {};
  let cpu = milliCPU(r.cpu as string | undefined);
  let mem = bytes(r.memory as string | undefined);
  if (nonZero) {
    if (r.cpu === undefined) cpu = DEFAULT_MILLI_CPU_REQUEST;
    if (r.memory === undefined) mem = DEFAULT_MEMORY_REQUEST;
  }
  return { milliCPU: cpu, memory: mem, ephemeralStorage: bytes(r['ephemeral-storage'] as string | undefined) };
}

function add(a: Resources, b: Resources): Resources {
  return { milliCPU: a.milliCPU + b.milliCPU, memory: a.memory + b.memory, ephemeralStorage: a.ephemeralStorage + b.ephemeralStorage };
}
function max(a: Resources, b: Resources): Resources {
  return {
    milliCPU: Math.max(a.milliCPU, b.milliCPU),
    memory: Math.max(a.memory, b.memory),
    ephemeralStorage: Math.max(a.ephemeralStorage, b.ephemeralStorage),
  };
}

/**
 * PodRequests: max(sum(containers) + sum(sidecars), max_i(init_i + sidecars declared before i))
 * + overhead. With `nonZero`, containers missing a cpu/memory request count 100m / 200Mi
 * (used only for scoring).
 */
export function podRequests(pod: V1Pod, nonZero = false): Resources {
  let reqs: Resources = { milliCPU: 0, memory: 0, ephemeralStorage: 0 };
  for (const c of pod.spec?.containers ?? []) reqs = add(reqs, containerRequests(c, nonZero));
  let sidecars: Resources = { milliCPU: 0, memory: 0, ephemeralStorage: 0 };
  let initMax: Resources = { milliCPU: 0, memory: 0, ephemeralStorage: 0 };
  for (const c of pod.spec?.initContainers ?? []) {
    const cr = containerRequests(c, nonZero);
    if (c.restartPolicy === 'Always') {
      reqs = add(reqs, cr);
      sidecars = add(sidecars, cr);
      initMax = max(initMax, sidecars);
    } else {
      initMax = max(initMax, add(cr, sidecars));
    }
  }
  reqs = max(reqs, initMax);
  const oh = pod.spec?.overhead;
  if (oh) {
    reqs = add(reqs, {
      milliCPU: milliCPU(oh.cpu as string | undefined),
      memory: bytes(oh.memory as string | undefined),
      ephemeralStorage: bytes(oh['ephemeral-storage'] as string | undefined),
    });
  }
  return reqs;
}

/**
 * A pod's effective requests. Mirrors component-helpers/resource/helpers.go: PodRequests and
 * scheduler util/pod_resources.go (DefaultMilliCPURequest, DefaultMemoryRequest).
 */
import { cpuMillis, memoryBytes } from '../api/quantity.ts';
import type { Container, V1Pod } from './types.ts';

/** CPU in millicores, rounded up as Quantity.MilliValue does (0 when absent or invalid). */
export function milliCPU(q: string | number | undefined): number {
  return q === undefined ? 0 : (cpuMillis(q) ?? 0);
}

/** Bytes (memory, ephemeral-storage), rounded up as Quantity.Value does (0 when absent or invalid). */
export function bytes(q: string | number | undefined): number {
  return q === undefined ? 0 : (memoryBytes(q) ?? 0);
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

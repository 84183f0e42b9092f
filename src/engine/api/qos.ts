/**
 * Pod QoS class. Mirrors k/k pkg/apis/core/helper/qos/qos.go: GetPodQOS (ComputePodQOS).
 */
import { milliValue, tryParseQuantity } from './quantity.ts';

type Obj = Record<string, unknown>;
const SUPPORTED = new Set(['cpu', 'memory']);

export function podQOSClass(spec: Obj | undefined): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const requests = new Map<string, number>();
  const limits = new Map<string, number>();
  let zeroQuantity = true;
  let isGuaranteed = true;
  const containers = [...((spec?.containers as Obj[]) ?? []), ...((spec?.initContainers as Obj[]) ?? [])];
  for (const c of containers) {
    const res = (c.resources ?? {}) as { requests?: Obj; limits?: Obj };
    for (const [name, v] of Object.entries(res.requests ?? {})) {
      if (!SUPPORTED.has(name)) continue;
      const q = tryParseQuantity(v as string);
      if (!q || q.nanos === 0n) continue;
      zeroQuantity = false;
      requests.set(name, (requests.get(name) ?? 0) + milliValue(q));
    }
    const seen = new Set<string>();
    for (const [name, v] of Object.entries(res.limits ?? {})) {
      if (!SUPPORTED.has(name)) continue;
      const q = tryParseQuantity(v as string);
      if (!q || q.nanos === 0n) continue;
      zeroQuantity = false;
      seen.add(name);
      limits.set(name, (limits.get(name) ?? 0) + milliValue(q));
    }
    if (seen.size !== SUPPORTED.size) isGuaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0 && zeroQuantity) return 'BestEffort';
  if (isGuaranteed) {
    for (const [name, req] of requests) if (limits.get(name) !== req) isGuaranteed = false;
  }
  if (isGuaranteed && requests.size === limits.size) return 'Guaranteed';
  return 'Burstable';
}

/**
 * The scheduling queue: activeQ (a heap ordered by PrioritySort), backoffQ (per-pod back-off
 * 1 s doubling to 10 s) and unschedulablePods (parked until a cluster event may help, or 5 min).
 * Mirrors pkg/scheduler/backend/queue/scheduling_queue.go (PriorityQueue) and
 * plugins/queuesort/priority_sort.go. Timers come from the virtual clock.
 */
import type { TimerHandle, VirtualClock } from '../component.ts';
import { podKey, type V1Pod } from './types.ts';

export const POD_INITIAL_BACKOFF_MS = 1_000;
export const POD_MAX_BACKOFF_MS = 10_000;
export const POD_MAX_IN_UNSCHEDULABLE_PODS_MS = 5 * 60_000;

export interface QueuedPodInfo {
  pod: V1Pod;
  key: string;
  priority: number;
  /** When the pod entered the queue (PrioritySort's tie-break). */
  timestamp: number;
  seq: number;
  /** Scheduling attempts so far. */
  attempts: number;
  /** Virtual time of the last failed attempt. */
  lastFailure: number;
  where: 'active' | 'backoff' | 'unschedulable' | 'inflight';
  timer?: TimerHandle;
}

/** calculateBackoffDuration: 1 s, 2 s, 4 s, 8 s, then 10 s. */
export function backoffDuration(attempts: number): number {
  let d = POD_INITIAL_BACKOFF_MS;
  for (let i = 1; i < attempts; i++) {
    d *= 2;
    if (d > POD_MAX_BACKOFF_MS) return POD_MAX_BACKOFF_MS;
  }
  return d;
}

/** PrioritySort Less: higher priority first, then earlier timestamp. */
function less(a: QueuedPodInfo, b: QueuedPodInfo): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  if (a.timestamp !== b.timestamp) return a.timestamp < b.timestamp;
  return a.seq < b.seq;
}

export class SchedulingQueue {
  private readonly heap: QueuedPodInfo[] = [];
  private readonly pods = new Map<string, QueuedPodInfo>();
  private seq = 0;

  constructor(
    private readonly clock: VirtualClock,
    /** Called whenever activeQ goes from empty to non-empty. */
    private readonly onActive: () => void,
  ) {}

  get(key: string): QueuedPodInfo | undefined {
    return this.pods.get(key);
  }
  activeLength(): number {
    return this.heap.length;
  }
  size(): number {
    return this.pods.size;
  }

  /** A new pending pod. */
  add(pod: V1Pod): void {
    const key = podKey(pod);
    if (this.pods.has(key)) return this.update(pod);
    const now = this.clock.now();
    const q: QueuedPodInfo = {
      pod, key, priority: pod.spec?.priority ?? 0, timestamp: now, seq: this.seq++, attempts: 0, lastFailure: now, where: 'active',
    };
    this.pods.set(key, q);
    this.push(q);
  }

  /** The pending pod changed. Status-only changes (our own condition writes) do not requeue it. */
  update(pod: V1Pod): void {
    const q = this.pods.get(podKey(pod));
    if (!q) return this.add(pod);
    const specChanged =
      JSON.stringify(q.pod.spec) !== JSON.stringify(pod.spec) ||
      JSON.stringify(q.pod.metadata.labels) !== JSON.stringify(pod.metadata.labels);
    q.pod = pod;
    q.priority = pod.spec?.priority ?? 0;
    if (specChanged && q.where === 'unschedulable') this.requeue(q);
  }

  delete(pod: V1Pod): void {
    const key = podKey(pod);
    const q = this.pods.get(key);
    if (!q) return;
    this.pods.delete(key);
    q.timer?.cancel();
    if (q.where === 'active') this.removeFromHeap(q);
  }

  /** Next pod to schedule, marked in flight. */
  pop(): QueuedPodInfo | undefined {
    const q = this.heap[0];
    if (!q) return undefined;
    const last = this.heap.pop()!;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
    q.where = 'inflight';
    q.attempts++;
    return q;
  }

  /** Scheduling succeeded (or the pod is gone): forget it. */
  done(key: string): void {
    const q = this.pods.get(key);
    if (q) q.timer?.cancel();
    this.pods.delete(key);
  }

  /** AddUnschedulableIfNotPresent: park until an event may help or 5 min pass. */
  addUnschedulable(q: QueuedPodInfo): void {
    if (this.pods.get(q.key) !== q) return;
    q.lastFailure = this.clock.now();
    q.where = 'unschedulable';
    q.timer = this.clock.after(POD_MAX_IN_UNSCHEDULABLE_PODS_MS, () => {
      q.timer = undefined;
      if (q.where === 'unschedulable') this.requeue(q);
    });
  }

  /** An error (not a fit failure): straight to backoffQ. */
  addBackoff(q: QueuedPodInfo): void {
    if (this.pods.get(q.key) !== q) return;
    q.lastFailure = this.clock.now();
    this.toBackoff(q);
  }

  /** MoveAllToActiveOrBackoffQueue: a node appeared or changed, or a pod freed room. */
  moveAllToActiveOrBackoffQueue(): void {
    for (const q of this.pods.values()) if (q.where === 'unschedulable') this.requeue(q);
  }

  private requeue(q: QueuedPodInfo): void {
    q.timer?.cancel();
    q.timer = undefined;
    if (this.clock.now() < q.lastFailure + backoffDuration(q.attempts)) this.toBackoff(q);
    else this.toActive(q);
  }

  private toBackoff(q: QueuedPodInfo): void {
    q.timer?.cancel();
    q.where = 'backoff';
    const wait = Math.max(0, q.lastFailure + backoffDuration(q.attempts) - this.clock.now());
    q.timer = this.clock.after(wait, () => {
      q.timer = undefined;
      if (q.where === 'backoff') this.toActive(q);
    });
  }

  private toActive(q: QueuedPodInfo): void {
    q.where = 'active';
    this.push(q);
  }

  private push(q: QueuedPodInfo): void {
    this.heap.push(q);
    this.up(this.heap.length - 1);
    if (this.heap.length === 1) this.onActive();
  }

  private removeFromHeap(q: QueuedPodInfo): void {
    const i = this.heap.indexOf(q);
    if (i < 0) return;
    const last = this.heap.pop()!;
    if (i < this.heap.length) {
      this.heap[i] = last;
      this.down(i);
      this.up(i);
    }
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && less(h[l]!, h[m]!)) m = l;
      if (r < h.length && less(h[r]!, h[m]!)) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
}

/**
 * The container runtime of one node (containerd behind CRI): the node's image store, image
 * pulls serialized as with the kubelet's default `serializeImagePulls: true`, pod sandboxes
 * with IPs from the node's podCIDR (host-local IPAM) and container ids. What a container's
 * process does once started (the documented table of images and commands) is process.ts.
 */
import type { ComponentContext } from '../component.ts';
import type { ImageInfo, Registry } from '../registry/registry.ts';
import { parseImageRef } from '../registry/reference.ts';
import type { MachineSpec } from './machine.ts';

/**
 * Simulated download speed: 40 MB/s after a 200 ms manifest round trip, so nginx (72 MB) pulls
 * in about 2 s. A pull of an image whose layers are already present costs only the round trip.
 */
export const PULL_BYTES_PER_SECOND = 40_000_000;
export const PULL_RESOLVE_MS = 200;
export const SANDBOX_MS = 300;
export const CREATE_CONTAINER_MS = 50;
export const START_CONTAINER_MS = 50;
export { processModel, STOP_EXIT_MS as SIGTERM_EXIT_MS, type ProcessModel } from './process.ts';

export function pullDurationMs(sizeBytes: number, layersPresent: boolean): number {
  return PULL_RESOLVE_MS + (layersPresent ? 0 : Math.round((sizeBytes * 1000) / PULL_BYTES_PER_SECOND));
}

export interface PullResult {
  ok: boolean;
  image?: ImageInfo;
  /** CRI error text on failure. */
  error?: string;
  /** Time spent downloading, and from request to completion (including waiting for the slot). */
  pullMs: number;
  totalMs: number;
}

export class ContainerRuntime {
  /** Images on this node, by normalized name. */
  readonly images = new Map<string, ImageInfo>();
  private pullQueue: { image: string; requested: number; causeId?: number; done: (r: PullResult) => void }[] = [];
  private pulling = false;
  private readonly usedIPs = new Set<string>();
  private lastIP = 1;
  private readonly prefix: string;

  constructor(
    private readonly ctx: ComponentContext,
    private readonly machine: MachineSpec,
    private readonly registry: Registry,
  ) {
    this.prefix = machine.podCIDR.split('/')[0]!.split('.').slice(0, 3).join('.');
    // The sandbox image ships with the node (kubeadm/kind preload it).
    const pause = registry.lookup('registry.k8s.io/pause:3.10');
    if (pause) this.images.set(pause.name, pause);
  }

  hasImage(image: string): ImageInfo | undefined {
    const ref = parseImageRef(image);
    if ('error' in ref) return undefined;
    const found = this.images.get(ref.name);
    if (found && ref.digest && found.digest !== ref.digest) return undefined;
    return found;
  }

  /** PullImage; pulls run one at a time on a node. `causeId` links the trace. */
  pull(image: string, causeId: number | undefined, done: (r: PullResult) => void): void {
    this.pullQueue.push({ image, requested: this.ctx.clock.now(), causeId, done });
    this.pumpPulls();
  }

  private pumpPulls(): void {
    if (this.pulling) return;
    const job = this.pullQueue.shift();
    if (!job) return;
    this.pulling = true;
    const node = this.machine.name;
    const info = this.registry.lookup(job.image);
    const error = info ? undefined : this.registry.pullError(job.image);
    const present = info !== undefined && [...this.images.values()].some((i) => i.digest === info.digest);
    const pullMs = info ? pullDurationMs(info.sizeBytes, present) : PULL_RESOLVE_MS;
    const req = this.ctx.trace({
      from: 'runtime', to: 'registry', node, verb: 'PullImage', kind: 'runtimePull', duration: 0, causeId: job.causeId,
      args: { image: job.image, node }, summary: `containerd on ${node} asks the registry for image ${job.image}.`,
    });
    this.ctx.trace(
      info
        ? {
            from: 'registry', to: 'runtime', node, verb: 'PullImage', kind: 'registryServe', duration: pullMs, causeId: req.id,
            args: { image: info.name, node, bytes: info.sizeBytes },
            summary: `The registry sends ${info.name} (${info.sizeBytes} bytes) to ${node}.`,
          }
        : {
            from: 'registry', to: 'runtime', node, verb: 'PullImage', kind: 'registryNotFound', duration: pullMs, causeId: req.id,
            args: { image: job.image, node }, summary: `The registry has no image ${job.image}.`,
          },
    );
    this.ctx.clock.after(pullMs, () => {
      this.pulling = false;
      if (info) this.images.set(info.name, info);
      const totalMs = this.ctx.clock.now() - job.requested;
      job.done(info ? { ok: true, image: info, pullMs, totalMs } : { ok: false, error, pullMs, totalMs });
      this.pumpPulls();
    });
  }

  /** Allocates a pod IP from the podCIDR, round-robin from the last one (host-local IPAM). */
  allocateIP(): string {
    for (let i = 0; i < 253; i++) {
      this.lastIP = this.lastIP >= 254 ? 2 : this.lastIP + 1;
      const ip = `${this.prefix}.${this.lastIP}`;
      if (!this.usedIPs.has(ip)) {
        this.usedIPs.add(ip);
        return ip;
      }
    }
    throw new Error(`failed to allocate for range 0: no IP addresses available in range set: ${this.prefix}.1-${this.prefix}.254`);
  }

  releaseIP(ip: string | undefined): void {
    if (ip) this.usedIPs.delete(ip);
  }

  /** A containerd container or sandbox id: 64 hex characters. */
  newID(): string {
    // join builds one flat string; `s += c` would keep a rope of ~50 pieces (1.6 KB) alive in
    // every container id the kubelet and the pod status hold.
    const digits = new Array<string>(64);
    for (let i = 0; i < 64; i++) digits[i] = '0123456789abcdef'[this.ctx.rand.int(16)]!;
    return digits.join('');
  }
}

/**
 * Traffic generators (`sim traffic`): requests from the client stage through an Ingress or a
 * Service, balanced by kube-proxy over ready endpoints, to a pod that answers or not. Filled in
 * by the traffic work.
 */
import type { ComponentContext } from '../component.ts';
import type { Store } from '../apiserver/store.ts';
import type { KubeletHandle } from '../node/kubelet.ts';
import type { KubeProxy } from './proxy.ts';
import type { IngressController } from './ingressController.ts';
import type { SimResult, TrafficOptions, TrafficStatus } from '../types.ts';

export interface TrafficDeps {
  /** Stage `client`: its clock, rng and tracer. */
  ctx: ComponentContext;
  /** Read-only view of the API server's objects (Services, EndpointSlices, Ingresses, Pods): what kube-proxy and the ingress controller have synced. */
  store: Store;
  /** kube-proxy: Service → backend pod. */
  proxy: KubeProxy;
  /** ingress-nginx: host + path → Service. */
  ingress: IngressController;
  /** The kubelet of a node (the pod's IP answers through it). */
  kubelet(node: string): KubeletHandle | undefined;
}

export class TrafficGenerators {
  constructor(private readonly deps: TrafficDeps) {}

  start(_target: string, _opts: TrafficOptions): SimResult & { id?: number } {
    void this.deps;
    return { ok: false, message: 'error: sim traffic is not available in this version of the simulator yet' };
  }

  stop(_id: number): SimResult & { status?: TrafficStatus } {
    return { ok: false, message: 'no such traffic generator' };
  }

  /** Running generators and those stopped in the last minute. */
  status(): TrafficStatus[] {
    return [];
  }
}

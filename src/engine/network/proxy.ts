/**
 * kube-proxy (pkg/proxy, iptables mode), one for the whole cluster: its view of Services and
 * EndpointSlices (an informer at stage `service`) and the backend choice for a connection.
 * Filled in by the endpoints work.
 */
import type { ComponentContext } from '../component.ts';

/** The pod a connection was sent to (DNAT target), or why there is none. */
export type ProxyRoute =
  | { ok: true; namespace: string; pod: string; podUID: string; node: string; ip: string; targetPort: number; service: string; endpoints: number }
  | { ok: false; reason: 'no-service' | 'no-port' | 'no-endpoints'; service: string };

export class KubeProxy {
  constructor(private readonly ctx: ComponentContext) {}

  /**
   * A new connection to Service `namespace/name` on `port` (the Service port's number or name;
   * undefined = its first port), from `clientIP` (sessionAffinity ClientIP pins by it).
   */
  route(namespace: string, name: string, _port?: number | string, _clientIP?: string): ProxyRoute {
    void this.ctx;
    return { ok: false, reason: 'no-service', service: `${namespace}/${name}` };
  }

  /** A connection to an IP and port: a ClusterIP, a node's IP with a NodePort, or a LoadBalancer IP. */
  routeIP(ip: string, port: number, _clientIP?: string): ProxyRoute {
    return { ok: false, reason: 'no-service', service: `${ip}:${port}` };
  }
}

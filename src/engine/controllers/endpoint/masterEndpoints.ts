/**
 * The `kubernetes` Service's endpoints: kept by the API server itself, not by the controllers
 * (its Service has no selector). Mirrors pkg/controlplane/reconcilers/lease.go (one address per
 * live API server, here the control-plane node's 192.168.49.2:6443) and endpointsadapter.go
 * (the Endpoints carry `endpointslice.kubernetes.io/skip-mirror: "true"`; the EndpointSlice is
 * named `kubernetes`, labelled only with the service name, and its endpoint has only `ready`).
 * Written once at boot; nothing here ever changes the API server's address.
 */
import type { ComponentContext } from '../../component.ts';

export const MASTER_IP = '192.168.49.2';
export const MASTER_PORT = 6443;

/** Creates the Endpoints and EndpointSlice `default/kubernetes` if they do not exist. */
export function ensureMasterEndpoints(ctx: ComponentContext): void {
  const ports = [{ name: 'https', port: MASTER_PORT, protocol: 'TCP' }];
  if (ctx.request({ verb: 'GET', path: '/api/v1/namespaces/default/endpoints/kubernetes', quiet: true }).code === 404) {
    ctx.request({
      verb: 'POST',
      path: '/api/v1/namespaces/default/endpoints',
      quiet: true,
      userAgent: 'kube-apiserver/v1.34.0',
      body: {
        apiVersion: 'v1',
        kind: 'Endpoints',
        metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
        subsets: [{ addresses: [{ ip: MASTER_IP }], ports }],
      },
    });
  }
  if (ctx.request({ verb: 'GET', path: '/apis/discovery.k8s.io/v1/namespaces/default/endpointslices/kubernetes', quiet: true }).code === 404) {
    ctx.request({
      verb: 'POST',
      path: '/apis/discovery.k8s.io/v1/namespaces/default/endpointslices',
      quiet: true,
      userAgent: 'kube-apiserver/v1.34.0',
      body: {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
        addressType: 'IPv4',
        endpoints: [{ addresses: [MASTER_IP], conditions: { ready: true } }],
        ports,
      },
    });
  }
}

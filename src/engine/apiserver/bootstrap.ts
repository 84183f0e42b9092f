/**
 * Objects a fresh cluster has before any user request: the system namespaces (created by the
 * apiserver's system-namespaces controller), the `kubernetes` Service (kubernetesservice
 * controller, pkg/controlplane/controller) and the default `nginx` IngressClass an ingress-nginx
 * install ships, and the two system PriorityClasses (the scheduling REST storage's post-start hook
 * AddSystemPriorityClasses, pkg/registry/scheduling/rest). Service fields are written out in full
 * because services are not defaulted here.
 */
import { SYSTEM_PRIORITY_CLASSES } from '../api/schedulingValidation.ts';

export const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

export function bootstrapObjects(): { path: string; body: Record<string, unknown> }[] {
  const out: { path: string; body: Record<string, unknown> }[] = SYSTEM_NAMESPACES.map((name) => ({
    path: '/api/v1/namespaces',
    body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } },
  }));
  out.push({
    path: '/api/v1/namespaces/default/services',
    body: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
      spec: {
        clusterIP: '10.96.0.1',
        clusterIPs: ['10.96.0.1'],
        internalTrafficPolicy: 'Cluster',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
        sessionAffinity: 'None',
        type: 'ClusterIP',
      },
      status: { loadBalancer: {} },
    },
  });
  out.push({
    path: '/apis/networking.k8s.io/v1/ingressclasses',
    body: {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: {
        name: 'nginx',
        annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' },
        labels: { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/name': 'ingress-nginx' },
      },
      spec: { controller: 'k8s.io/ingress-nginx' },
    },
  });
  for (const pc of SYSTEM_PRIORITY_CLASSES) {
    out.push({
      path: '/apis/scheduling.k8s.io/v1/priorityclasses',
      body: { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: pc.name }, value: pc.value, description: pc.description },
    });
  }
  return out;
}

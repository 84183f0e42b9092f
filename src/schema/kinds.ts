/**
 * The apiVersion/kind pairs of k8s-facts §12 with their resource plural, scope, and whether this
 * engine serves them. Plain data (no imports) so kubectl, the editor and the engine share it.
 */

export interface KindInfo {
  apiVersion: string;
  kind: string;
  /** Resource plural (`pods`, `deployments`). */
  resource: string;
  namespaced: boolean;
  /** True when the engine's API server stores this kind today. */
  served: boolean;
  /** Short names kubectl accepts (`po`, `deploy`). */
  shortNames: string[];
}

const k = (apiVersion: string, kind: string, resource: string, namespaced: boolean, served: boolean, shortNames: string[] = []): KindInfo => ({
  apiVersion,
  kind,
  resource,
  namespaced,
  served,
  shortNames,
});

export const KINDS: KindInfo[] = [
  k('v1', 'Pod', 'pods', true, true, ['po']),
  k('v1', 'Service', 'services', true, true, ['svc']),
  k('v1', 'ConfigMap', 'configmaps', true, true, ['cm']),
  k('v1', 'Secret', 'secrets', true, true),
  k('v1', 'Namespace', 'namespaces', false, true, ['ns']),
  k('v1', 'Node', 'nodes', false, true, ['no']),
  k('v1', 'Endpoints', 'endpoints', true, true, ['ep']),
  k('v1', 'Event', 'events', true, true, ['ev']),
  k('v1', 'ServiceAccount', 'serviceaccounts', true, false, ['sa']),
  k('v1', 'PersistentVolume', 'persistentvolumes', false, false, ['pv']),
  k('v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', true, false, ['pvc']),
  k('apps/v1', 'Deployment', 'deployments', true, true, ['deploy']),
  k('apps/v1', 'ReplicaSet', 'replicasets', true, true, ['rs']),
  k('apps/v1', 'StatefulSet', 'statefulsets', true, false, ['sts']),
  k('apps/v1', 'DaemonSet', 'daemonsets', true, false, ['ds']),
  k('apps/v1', 'ControllerRevision', 'controllerrevisions', true, false),
  k('networking.k8s.io/v1', 'Ingress', 'ingresses', true, true, ['ing']),
  k('networking.k8s.io/v1', 'IngressClass', 'ingressclasses', false, true),
  k('networking.k8s.io/v1', 'NetworkPolicy', 'networkpolicies', true, false, ['netpol']),
  k('batch/v1', 'Job', 'jobs', true, false),
  k('batch/v1', 'CronJob', 'cronjobs', true, false, ['cj']),
  k('autoscaling/v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true, false, ['hpa']),
  k('policy/v1', 'PodDisruptionBudget', 'poddisruptionbudgets', true, false, ['pdb']),
  k('policy/v1', 'Eviction', 'evictions', true, false),
  k('discovery.k8s.io/v1', 'EndpointSlice', 'endpointslices', true, true),
  k('coordination.k8s.io/v1', 'Lease', 'leases', true, true),
  k('rbac.authorization.k8s.io/v1', 'Role', 'roles', true, false),
  k('rbac.authorization.k8s.io/v1', 'ClusterRole', 'clusterroles', false, false),
  k('rbac.authorization.k8s.io/v1', 'RoleBinding', 'rolebindings', true, false),
  k('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', 'clusterrolebindings', false, false),
  k('events.k8s.io/v1', 'Event', 'events', true, false, ['ev']),
];

/** Look up a kind by apiVersion and kind. */
export function findKind(apiVersion: string, kind: string): KindInfo | undefined {
  return KINDS.find((x) => x.apiVersion === apiVersion && x.kind === kind);
}

/**
 * kubectl's view of the API: kind ↔ resource, group/version, scope and short names.
 * Mirrors what discovery (GET /api, /apis) plus the RESTMapper in
 * k8s.io/client-go/restmapper give the real kubectl; here it is a static table of the
 * built-in kinds of Kubernetes v1.34 (k8s-facts §12 "apiVersion/kind pairs").
 */

export interface ResourceInfo {
  kind: string;
  /** Lowercase plural: `pods`, `deployments`. */
  resource: string;
  group: string;
  version: string;
  namespaced: boolean;
  shortNames: string[];
  singular: string;
}

const T: [string, string, string, string, boolean, string[]][] = [
  // kind, resource, group, version, namespaced, short names
  ['Pod', 'pods', '', 'v1', true, ['po']],
  ['Service', 'services', '', 'v1', true, ['svc']],
  ['ConfigMap', 'configmaps', '', 'v1', true, ['cm']],
  ['Secret', 'secrets', '', 'v1', true, []],
  ['Namespace', 'namespaces', '', 'v1', false, ['ns']],
  ['Node', 'nodes', '', 'v1', false, ['no']],
  ['Endpoints', 'endpoints', '', 'v1', true, ['ep']],
  ['Event', 'events', '', 'v1', true, ['ev']],
  ['ServiceAccount', 'serviceaccounts', '', 'v1', true, ['sa']],
  ['PersistentVolume', 'persistentvolumes', '', 'v1', false, ['pv']],
  ['PersistentVolumeClaim', 'persistentvolumeclaims', '', 'v1', true, ['pvc']],
  ['Deployment', 'deployments', 'apps', 'v1', true, ['deploy']],
  ['ReplicaSet', 'replicasets', 'apps', 'v1', true, ['rs']],
  ['StatefulSet', 'statefulsets', 'apps', 'v1', true, ['sts']],
  ['DaemonSet', 'daemonsets', 'apps', 'v1', true, ['ds']],
  ['ControllerRevision', 'controllerrevisions', 'apps', 'v1', true, []],
  ['Ingress', 'ingresses', 'networking.k8s.io', 'v1', true, ['ing']],
  ['IngressClass', 'ingressclasses', 'networking.k8s.io', 'v1', false, []],
  ['NetworkPolicy', 'networkpolicies', 'networking.k8s.io', 'v1', true, ['netpol']],
  ['Job', 'jobs', 'batch', 'v1', true, []],
  ['CronJob', 'cronjobs', 'batch', 'v1', true, ['cj']],
  ['HorizontalPodAutoscaler', 'horizontalpodautoscalers', 'autoscaling', 'v2', true, ['hpa']],
  ['PodDisruptionBudget', 'poddisruptionbudgets', 'policy', 'v1', true, ['pdb']],
  ['PriorityClass', 'priorityclasses', 'scheduling.k8s.io', 'v1', false, ['pc']],
  ['EndpointSlice', 'endpointslices', 'discovery.k8s.io', 'v1', true, []],
  ['Lease', 'leases', 'coordination.k8s.io', 'v1', true, []],
  ['Role', 'roles', 'rbac.authorization.k8s.io', 'v1', true, []],
  ['ClusterRole', 'clusterroles', 'rbac.authorization.k8s.io', 'v1', false, []],
  ['RoleBinding', 'rolebindings', 'rbac.authorization.k8s.io', 'v1', true, []],
  ['ClusterRoleBinding', 'clusterrolebindings', 'rbac.authorization.k8s.io', 'v1', false, []],
];

export const RESOURCES: ResourceInfo[] = T.map(([kind, resource, group, version, namespaced, shortNames]) => ({
  kind,
  resource,
  group,
  version,
  namespaced,
  shortNames,
  singular: kind.toLowerCase(),
}));

/** `v1` or `apps/v1`. */
export function apiVersionOf(r: ResourceInfo): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}

/** Resource with group, as API errors name it: `pods`, `deployments.apps`. */
export function qualifiedResource(r: ResourceInfo): string {
  return r.group ? `${r.resource}.${r.group}` : r.resource;
}

/** Lowercase kind with group, as the name printer writes it: `pod`, `deployment.apps`. */
export function qualifiedKind(r: ResourceInfo): string {
  return r.group ? `${r.singular}.${r.group}` : r.singular;
}

/** The RESTMapper lookup behind `no matches for kind %q in version %q`. */
export function byKind(apiVersion: string, kind: string): ResourceInfo | undefined {
  return RESOURCES.find((r) => r.kind === kind && apiVersionOf(r) === apiVersion);
}

/**
 * Resolves what the user typed (`po`, `pods`, `pod`, `deploy`, `deployments.apps`) the way
 * kubectl's shortcut expander and RESTMapper do.
 */
export function byName(arg: string): ResourceInfo | undefined {
  const a = arg.toLowerCase();
  return RESOURCES.find(
    (r) =>
      r.resource === a ||
      r.singular === a ||
      r.shortNames.includes(a) ||
      (r.group !== '' && (a === `${r.resource}.${r.group}` || a === `${r.singular}.${r.group}`)),
  );
}

/** The REST path of a collection or an item. */
export function pathFor(r: ResourceInfo, namespace: string | undefined, name?: string): string {
  const base = r.group ? `/apis/${r.group}/${r.version}` : `/api/${r.version}`;
  const ns = r.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${base}${ns}/${r.resource}${name !== undefined ? `/${encodeURIComponent(name)}` : ''}`;
}

/**
 * The resources this API server serves (its discovery), with the per-resource field labels
 * accepted in `fieldSelector` (pkg/registry/core/<kind>/strategy.go: ToSelectableFields).
 */

export interface ResourceInfo {
  group: string;
  version: string;
  /** Plural, e.g. `pods`. */
  resource: string;
  kind: string;
  namespaced: boolean;
  /** Field selector labels besides metadata.name / metadata.namespace. */
  fieldLabels: string[];
  /** Subresources served (`status`, `binding`, `scale`, `log`). */
  subresources: string[];
  /** Short names for discovery (`deploy`, `rs`). */
  shortNames?: string[];
}

const META = ['metadata.name', 'metadata.namespace'];

export const RESOURCES: ResourceInfo[] = [
  {
    group: '',
    version: 'v1',
    resource: 'pods',
    kind: 'Pod',
    namespaced: true,
    fieldLabels: [...META, 'spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.nominatedNodeName'],
    subresources: ['status', 'binding', 'log', 'eviction', 'exec'],
  },
  { group: '', version: 'v1', resource: 'nodes', kind: 'Node', namespaced: false, fieldLabels: [...META, 'spec.unschedulable'], subresources: ['status'] },
  { group: '', version: 'v1', resource: 'namespaces', kind: 'Namespace', namespaced: false, fieldLabels: [...META, 'status.phase'], subresources: ['status', 'finalize'] },
  {
    group: '',
    version: 'v1',
    resource: 'events',
    kind: 'Event',
    namespaced: true,
    fieldLabels: [
      ...META,
      'involvedObject.kind',
      'involvedObject.namespace',
      'involvedObject.name',
      'involvedObject.uid',
      'involvedObject.apiVersion',
      'involvedObject.resourceVersion',
      'involvedObject.fieldPath',
      'reason',
      'reportingComponent',
      'source',
      'type',
    ],
    subresources: [],
  },
  { group: '', version: 'v1', resource: 'services', kind: 'Service', namespaced: true, fieldLabels: [...META], subresources: ['status'], shortNames: ['svc'] },
  { group: '', version: 'v1', resource: 'endpoints', kind: 'Endpoints', namespaced: true, fieldLabels: [...META], subresources: [], shortNames: ['ep'] },
  { group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices', kind: 'EndpointSlice', namespaced: true, fieldLabels: [...META], subresources: [] },
  { group: 'networking.k8s.io', version: 'v1', resource: 'ingresses', kind: 'Ingress', namespaced: true, fieldLabels: [...META], subresources: ['status'], shortNames: ['ing'] },
  // pkg/registry/core/{configmap,secret}/strategy.go: a Secret also selects on `type`.
  { group: '', version: 'v1', resource: 'configmaps', kind: 'ConfigMap', namespaced: true, fieldLabels: [...META], subresources: [], shortNames: ['cm'] },
  { group: '', version: 'v1', resource: 'secrets', kind: 'Secret', namespaced: true, fieldLabels: [...META, 'type'], subresources: [] },
  { group: 'networking.k8s.io', version: 'v1', resource: 'ingressclasses', kind: 'IngressClass', namespaced: false, fieldLabels: [...META], subresources: [] },
  { group: 'coordination.k8s.io', version: 'v1', resource: 'leases', kind: 'Lease', namespaced: true, fieldLabels: [...META], subresources: [] },
  // pkg/registry/apps/{deployment,replicaset}/strategy.go: ToSelectableFields.
  { group: 'apps', version: 'v1', resource: 'deployments', kind: 'Deployment', namespaced: true, fieldLabels: [...META], subresources: ['status', 'scale'], shortNames: ['deploy'] },
  // policy/v1 (pkg/registry/policy/poddisruptionbudget) and scheduling.k8s.io/v1 (pkg/registry/scheduling/priorityclass).
  { group: 'policy', version: 'v1', resource: 'poddisruptionbudgets', kind: 'PodDisruptionBudget', namespaced: true, fieldLabels: [...META], subresources: ['status'], shortNames: ['pdb'] },
  { group: 'scheduling.k8s.io', version: 'v1', resource: 'priorityclasses', kind: 'PriorityClass', namespaced: false, fieldLabels: [...META], subresources: [], shortNames: ['pc'] },
  { group: 'apps', version: 'v1', resource: 'replicasets', kind: 'ReplicaSet', namespaced: true, fieldLabels: [...META, 'status.replicas'], subresources: ['status', 'scale'], shortNames: ['rs'] },
];

/** `deployments.apps`, or `pods` for the core group. */
export function qualifiedResource(info: ResourceInfo): string {
  return info.group ? `${info.resource}.${info.group}` : info.resource;
}

export function apiVersionOf(info: ResourceInfo): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}

const index = new Map<string, ResourceInfo>();

function lookup(group: string, version: string, resource: string): ResourceInfo | undefined {
  if (index.size !== RESOURCES.length) {
    index.clear();
    for (const r of RESOURCES) index.set(`${r.group}/${r.version}/${r.resource}`, r);
  }
  return index.get(`${group}/${version}/${resource}`);
}

/** Register an extra resource (later controllers: deployments, replicasets …). */
export function registerResource(info: ResourceInfo): void {
  if (!RESOURCES.some((r) => r.group === info.group && r.resource === info.resource)) RESOURCES.push(info);
}

export interface ParsedPath {
  info: ResourceInfo;
  namespace?: string;
  name?: string;
  subresource?: string;
}

/** Path segments without empty ones, percent-decoded; split once (every request parses its path). */
function segments(path: string): string[] {
  const q = path.indexOf('?');
  const raw = q >= 0 ? path.slice(0, q) : path;
  let segs = (raw.charCodeAt(0) === 47 ? raw.slice(1) : raw).split('/');
  if (segs.includes('')) segs = segs.filter((s) => s.length > 0);
  if (raw.includes('%')) segs = segs.map(decodeURIComponent);
  return segs;
}

/** Parse a REST path; undefined when the server does not serve it (→ 404 resource not found). */
export function parsePath(path: string): ParsedPath | undefined {
  const segs = segments(path);
  let group: string;
  let version: string;
  // `r` is where the resource part starts (upstream: the rest after /api/v1 or /apis/g/v).
  let r: number;
  if (segs[0] === 'api' && segs.length >= 2) {
    group = '';
    version = segs[1];
    r = 2;
  } else if (segs[0] === 'apis' && segs.length >= 3) {
    group = segs[1];
    version = segs[2];
    r = 3;
  } else return undefined;
  let namespace: string | undefined;
  if (segs[r] === 'namespaces' && segs.length - r >= 3 && !(group === '' && (segs[r + 2] === 'status' || segs[r + 2] === 'finalize'))) {
    namespace = segs[r + 1];
    r += 2;
  }
  const n = segs.length - r;
  if (n === 0 || n > 3) return undefined;
  const info = lookup(group, version, segs[r]);
  if (!info) return undefined;
  if (namespace !== undefined ? !info.namespaced : n > 1 && info.namespaced) return undefined;
  const subresource = segs[r + 2];
  if (subresource !== undefined && !info.subresources.includes(subresource)) return undefined;
  if (namespace !== undefined) return { info, namespace, name: segs[r + 1], subresource };
  return { info, name: segs[r + 1], subresource };
}

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
  /** Subresources served (`status`, `binding`). */
  subresources: string[];
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
    subresources: ['status', 'binding'],
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
  { group: '', version: 'v1', resource: 'services', kind: 'Service', namespaced: true, fieldLabels: [...META], subresources: ['status'] },
  { group: 'networking.k8s.io', version: 'v1', resource: 'ingressclasses', kind: 'IngressClass', namespaced: false, fieldLabels: [...META], subresources: [] },
  { group: 'coordination.k8s.io', version: 'v1', resource: 'leases', kind: 'Lease', namespaced: true, fieldLabels: [...META], subresources: [] },
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

/** Parse a REST path; undefined when the server does not serve it (→ 404 resource not found). */
export function parsePath(path: string): ParsedPath | undefined {
  const q = path.indexOf('?');
  let segs = (q >= 0 ? path.slice(0, q) : path).split('/').filter((s) => s.length > 0);
  if (path.includes('%')) segs = segs.map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (segs[0] === 'api' && segs.length >= 2) {
    group = '';
    version = segs[1];
    rest = segs.slice(2);
  } else if (segs[0] === 'apis' && segs.length >= 3) {
    group = segs[1];
    version = segs[2];
    rest = segs.slice(3);
  } else return undefined;
  const find = (resource: string) => lookup(group, version, resource);
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3 && !(group === '' && (rest[2] === 'status' || rest[2] === 'finalize'))) {
    namespace = rest[1];
    rest = rest.slice(2);
    const info = find(rest[0]);
    if (!info || !info.namespaced || rest.length > 3) return undefined;
    if (rest[2] !== undefined && !info.subresources.includes(rest[2])) return undefined;
    return { info, namespace, name: rest[1], subresource: rest[2] };
  }
  if (rest.length === 0 || rest.length > 3) return undefined;
  const info = find(rest[0]);
  if (!info) return undefined;
  if (rest.length > 1 && info.namespaced) return undefined;
  if (rest[2] !== undefined && !info.subresources.includes(rest[2])) return undefined;
  return { info, name: rest[1], subresource: rest[2] };
}

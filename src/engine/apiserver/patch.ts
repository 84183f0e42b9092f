/**
 * PATCH bodies. JSON merge patch is RFC 7386. Strategic merge patch is approximated: a merge
 * patch where lists with a patch merge key (containers by name, ports by containerPort …) merge
 * item by item, `$patch: delete` removes an item, `$retainKeys` clears unlisted keys, and
 * `$setElementOrder/…` directives are honoured only as far as ignoring them safely (simplified vs
 * apimachinery pkg/util/strategicpatch).
 */
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** RFC 7386 JSON merge patch. Returns a new value; inputs are not modified. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObj(patch)) return patch;
  const out: Obj = isObj(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** patchMergeKey per list field name (k8s.io/api core/v1 struct tags). NodeSpec.taints and PodSpec.tolerations have none: a patch replaces them. */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  env: 'name',
  volumeMounts: 'mountPath',
  ports: 'containerPort',
  imagePullSecrets: 'name',
  conditions: 'type',
  hostAliases: 'ip',
  ownerReferences: 'uid',
  addresses: 'type',
  readinessGates: 'conditionType',
  schedulingGates: 'name',
  topologySpreadConstraints: 'topologyKey',
};

function mergeList(target: unknown, patch: unknown[], key: string): unknown[] {
  const out = Array.isArray(target) ? [...target] : [];
  for (const item of patch) {
    if (!isObj(item) || !(key in item)) {
      out.push(item);
      continue;
    }
    const idx = out.findIndex((x) => isObj(x) && x[key] === item[key]);
    if (item.$patch === 'delete') {
      if (idx >= 0) out.splice(idx, 1);
      continue;
    }
    if (idx >= 0) out[idx] = strategicMergePatch(out[idx], item);
    else out.push(strategicMergePatch(undefined, item));
  }
  return out;
}

/** Approximate strategic merge patch (see file comment). */
export function strategicMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObj(patch)) return patch;
  if (patch.$patch === 'replace') {
    const rest = { ...patch };
    delete rest.$patch;
    return rest;
  }
  const out: Obj = isObj(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$')) continue;
    if (v === null) delete out[k];
    else if (Array.isArray(v) && MERGE_KEYS[k]) out[k] = mergeList(out[k], v, MERGE_KEYS[k]);
    else out[k] = strategicMergePatch(out[k], v);
  }
  // `$retainKeys` (patchStrategy retainKeys: DeploymentStrategy, Volume): keys not listed are
  // cleared, so `strategy: {$retainKeys: [type], type: Recreate}` drops the old rollingUpdate.
  if (Array.isArray(patch.$retainKeys)) {
    const keep = new Set(patch.$retainKeys as unknown[]);
    for (const k of Object.keys(out)) if (!keep.has(k)) delete out[k];
  }
  return out;
}

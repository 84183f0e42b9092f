/**
 * ConfigMap and Secret volumes: the files a container sees. Mirrors pkg/volume/configmap/configmap.go
 * and pkg/volume/secret/secret.go (SetUpAt, MakePayload), pkg/volume/projected (the
 * `kube-api-access-*` service-account volume), and the volume manager's FailedMount text
 * (operationexecutor GenerateError: `MountVolume.SetUp failed for volume "v" : err`).
 */
import type { V1Pod } from '../scheduler/types.ts';
import type { ConfigSource } from './envInjection.ts';

/** One projected file: its content and mode (defaultMode 0644 unless `items[].mode`/`defaultMode`). */
export interface VolumeFile {
  content: string;
  mode: number;
}
/** A volume's files by path relative to the mount point. */
export type VolumeFiles = Map<string, VolumeFile>;

/**
 * The kubelet's periodic pod sync (syncFrequency, default 1m): mounted ConfigMap/Secret files are
 * rewritten at most this long after the object changes (upstream adds the cache's propagation, ~60–90 s).
 */
export const VOLUME_SYNC_MS = 60_000;

/** The mount-operation back-off (nestedpendingoperations): 500 ms, doubling, capped at 2m2s. */
export const MOUNT_RETRY_INITIAL_MS = 500;
export const MOUNT_RETRY_MAX_MS = 122_000;

const DEFAULT_MODE = 0o644;

interface KeyToPath {
  key: string;
  path: string;
  mode?: number;
}

/** Names of the pod's volumes that the kubelet must fetch from the API (configMap / secret). */
export function configVolumes(pod: V1Pod): string[] {
  return (pod.spec?.volumes ?? []).filter((v) => v.configMap || v.secret).map((v) => v.name);
}

/**
 * SetUpAt for a configMap or secret volume: the files, or the error the FailedMount event quotes.
 * Undefined for other volume types.
 */
export function setUpVolume(pod: V1Pod, volName: string, get: ConfigSource): { files: VolumeFiles } | { error: string } | undefined {
  const ns = pod.metadata.namespace ?? 'default';
  const vol = (pod.spec?.volumes ?? []).find((v) => v.name === volName);
  const src = vol?.configMap
    ? { kind: 'configmap' as const, name: vol.configMap.name ?? '', items: vol.configMap.items, mode: vol.configMap.defaultMode, optional: vol.configMap.optional }
    : vol?.secret
      ? { kind: 'secret' as const, name: vol.secret.secretName ?? '', items: vol.secret.items, mode: vol.secret.defaultMode, optional: vol.secret.optional }
      : undefined;
  if (!src) return undefined;
  const data = get(src.kind, ns, src.name);
  const files: VolumeFiles = new Map();
  if (!data) return src.optional ? { files } : { error: `${src.kind} "${src.name}" not found` };
  const mode = src.mode ?? DEFAULT_MODE;
  if (!src.items?.length) {
    for (const [k, v] of Object.entries(data)) files.set(k, { content: v, mode });
    return { files };
  }
  for (const it of src.items as KeyToPath[]) {
    if (!(it.key in data)) {
      if (src.optional) continue;
      return { error: src.kind === 'configmap' ? `configmap references non-existent config key: ${it.key}` : `references non-existent secret key: ${it.key}` };
    }
    files.set(it.path, { content: data[it.key]!, mode: it.mode ?? mode });
  }
  return { files };
}

/** The projected service-account volume (`kube-api-access-*`): token, ca.crt, namespace. No API read. */
export function serviceAccountFiles(pod: V1Pod): VolumeFiles {
  const ns = pod.metadata.namespace ?? 'default';
  const sa = String((pod.spec as { serviceAccountName?: string } | undefined)?.serviceAccountName ?? 'default');
  // A JWT-shaped placeholder: header.payload.signature (the payload names the pod, unsigned).
  const b64 = (s: string) => btoa(s).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  const token = `${b64('{"alg":"RS256","kid":"sim"}')}.${b64(JSON.stringify({ sub: `system:serviceaccount:${ns}:${sa}`, 'kubernetes.io': { namespace: ns, pod: { name: pod.metadata.name, uid: pod.metadata.uid } } }))}.c2ltdWxhdGVk`;
  return new Map([
    ['ca.crt', { content: '-----BEGIN CERTIFICATE-----\n(simulated cluster CA)\n-----END CERTIFICATE-----\n', mode: DEFAULT_MODE }],
    ['namespace', { content: ns, mode: DEFAULT_MODE }],
    ['token', { content: token, mode: DEFAULT_MODE }],
  ]);
}

/**
 * A pod's configMap/secret volumes as the kubelet's volume manager keeps them: set up before the
 * sandbox (WaitForAttachAndMount), rewritten on each periodic sync, and the subPath copies made
 * when a container starts (they never update). Mirrors pkg/kubelet/volumemanager and
 * volume/{configmap,secret}; the files themselves come from volumes.ts.
 */
import type { ComponentContext } from '../component.ts';
import type { Container, V1Pod } from '../scheduler/types.ts';
import type { ValueSource } from '../types.ts';
import type { ConfigSource } from './envInjection.ts';
import { lookup, type ExecMount } from './exec.ts';
import { configVolumes, serviceAccountFiles, setUpVolume, type VolumeFiles } from './volumes.ts';

export class PodMounts {
  /** Mounted configMap/secret volumes: their files as of the last sync. */
  private volumes?: Map<string, VolumeFiles>;
  /** subPath mounts, copied when the container started: `container\0mountPath`. */
  private subPathFiles?: Map<string, VolumeFiles>;

  /** Whether the pod mounts any configMap/secret volume. */
  static needed(pod: V1Pod): boolean {
    return configVolumes(pod).length > 0;
  }

  /** Sets up every volume; the first that fails (object or key missing) is returned with its error. */
  mountAll(pod: V1Pod, get: (volume: string) => ConfigSource): { volume: string; error: string } | undefined {
    for (const n of configVolumes(pod)) {
      const r = setUpVolume(pod, n, get(n))!;
      if ('error' in r) return { volume: n, error: r.error };
      (this.volumes ??= new Map()).set(n, r.files);
    }
    return undefined;
  }

  /**
   * The periodic sync: mounted files follow the current objects (a failed read keeps the old
   * files). The reads are quiet; a volume whose files changed is drawn as a `kubeletSyncConfig` hop.
   */
  sync(pod: V1Pod, get: (volume: string) => ConfigSource, node: string, trace: ComponentContext['trace'], causeId: number | undefined): void {
    for (const n of this.volumes?.keys() ?? []) {
      const r = setUpVolume(pod, n, get(n));
      if (!r || !('files' in r)) continue;
      const old = this.volumes!.get(n)!;
      this.volumes!.set(n, r.files);
      if (sameFiles(old, r.files)) continue;
      const src = volumeSource(pod, n);
      if (!src) continue;
      const ns = pod.metadata.namespace ?? 'default';
      const kind = src.type === 'configMap' ? 'ConfigMap' : 'Secret';
      trace({
        from: 'kubelet', to: 'apiserver', node, verb: `GET /api/v1/namespaces/${ns}/${kind.toLowerCase()}s/${src.name}`, kind: 'kubeletSyncConfig', duration: 0, causeId,
        object: `${kind}/${ns}/${src.name}`, args: { node, pod: pod.metadata.name, kind, name: src.name, volume: n },
        summary: `The kubelet on ${node} re-reads ${kind} ${src.name} in its periodic sync and rewrites the files of volume ${n} in pod ${pod.metadata.name} (environment variables stay as they were).`,
      });
    }
  }

  /**
   * Every file container `name` sees in its configMap/secret (and service-account) mounts, with
   * where it comes from; subPath files are the copies made at start.
   */
  files(pod: V1Pod, container: string, spec: Container | undefined): { path: string; value: string; source: ValueSource; mountPath: string; subPath?: string }[] {
    const out: { path: string; value: string; source: ValueSource; mountPath: string; subPath?: string }[] = [];
    const mounts = this.execMounts(pod, container, spec);
    (spec?.volumeMounts ?? []).forEach((m, i) => {
      const src = volumeSource(pod, m.name);
      const sa = !src && mounts[i]!.files.size > 0 ? ({ type: 'serviceAccount' } as const) : undefined;
      if (!src && !sa) return;
      const keys = src ? itemKeys(pod, m.name) : undefined;
      for (const [rel, f] of [...mounts[i]!.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        const inVolume = m.subPath ? (rel ? `${m.subPath}/${rel}` : m.subPath) : rel;
        const path = rel ? `${m.mountPath.replace(/\/$/, '')}/${rel}` : m.mountPath;
        const source: ValueSource = src ? { ...src, key: keys?.get(inVolume) ?? inVolume } : sa!;
        out.push({ path, value: f.content, source, mountPath: m.mountPath, ...(m.subPath ? { subPath: m.subPath } : {}) });
      }
    });
    return out;
  }

  /** A subPath mount is a bind mount of one path at start: later updates of the volume never reach it. */
  snapshotSubPaths(container: string, spec: Container | undefined): void {
    for (const m of spec?.volumeMounts ?? []) {
      const files = m.subPath ? this.volumes?.get(m.name) : undefined;
      if (!files || !m.subPath) continue;
      const snap: VolumeFiles = new Map();
      const sub = m.subPath;
      for (const [p, f] of files) {
        if (p === sub) snap.set('', f);
        else if (p.startsWith(`${sub}/`)) snap.set(p.slice(sub.length + 1), f);
      }
      (this.subPathFiles ??= new Map()).set(`${container}\0${m.mountPath}`, snap);
    }
  }

  /** What container `name` sees at each of its mount paths (the service-account token volume included). */
  execMounts(pod: V1Pod, container: string, spec: Container | undefined): ExecMount[] {
    const mounts: ExecMount[] = [];
    for (const m of spec?.volumeMounts ?? []) {
      const vol = (pod.spec?.volumes ?? []).find((v) => v.name === m.name);
      const files = m.subPath
        ? this.subPathFiles?.get(`${container}\0${m.mountPath}`)
        : this.volumes?.get(m.name) ?? (vol?.projected?.sources?.some((s) => s.serviceAccountToken) ? serviceAccountFiles(pod) : undefined);
      const tmpfs = Boolean(vol?.secret || vol?.projected);
      mounts.push({ mountPath: m.mountPath, files: files ?? new Map(), ...(tmpfs ? { tmpfs } : {}) });
    }
    return mounts;
  }
}

function sameFiles(a: VolumeFiles, b: VolumeFiles): boolean {
  if (a.size !== b.size) return false;
  for (const [k, f] of a) if (b.get(k)?.content !== f.content) return false;
  return true;
}

/** The ConfigMap or Secret behind volume `name`, as a file's source (key filled in per file). */
function volumeSource(pod: V1Pod, name: string): { type: 'configMap' | 'secret'; name: string; via: 'volume' } | undefined {
  const vol = (pod.spec?.volumes ?? []).find((v) => v.name === name);
  if (vol?.configMap) return { type: 'configMap', name: vol.configMap.name ?? '', via: 'volume' };
  if (vol?.secret) return { type: 'secret', name: vol.secret.secretName ?? '', via: 'volume' };
  return undefined;
}

/** `items` path → key of volume `name` (without items each file is named after its key). */
function itemKeys(pod: V1Pod, name: string): Map<string, string> | undefined {
  const vol = (pod.spec?.volumes ?? []).find((v) => v.name === name);
  const items = vol?.configMap?.items ?? vol?.secret?.items;
  return items?.length ? new Map(items.map((it) => [it.path, it.key])) : undefined;
}

/** A mounted file's content as `container` sees it now (undefined: not a mounted file). */
export function readMounted(m: PodMounts | undefined, pod: V1Pod, container: string, spec: Container | undefined, path: string): string | undefined {
  const mounts = (m ?? new PodMounts()).execMounts(pod, container, spec);
  const node = lookup({ hostname: '', env: [], mounts, execID: () => '' }, path);
  return node && 'file' in node ? node.file : undefined;
}

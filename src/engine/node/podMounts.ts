/**
 * A pod's configMap/secret volumes as the kubelet's volume manager keeps them: set up before the
 * sandbox (WaitForAttachAndMount), rewritten on each periodic sync, and the subPath copies made
 * when a container starts (they never update). Mirrors pkg/kubelet/volumemanager and
 * volume/{configmap,secret}; the files themselves come from volumes.ts.
 */
import type { Container, V1Pod } from '../scheduler/types.ts';
import type { ConfigSource } from './envInjection.ts';
import type { ExecMount } from './exec.ts';
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
  mountAll(pod: V1Pod, get: ConfigSource): { volume: string; error: string } | undefined {
    for (const n of configVolumes(pod)) {
      const r = setUpVolume(pod, n, get)!;
      if ('error' in r) return { volume: n, error: r.error };
      (this.volumes ??= new Map()).set(n, r.files);
    }
    return undefined;
  }

  /** The periodic sync: mounted files follow the current objects (a failed read keeps the old files). */
  sync(pod: V1Pod, get: ConfigSource): void {
    for (const n of this.volumes?.keys() ?? []) {
      const r = setUpVolume(pod, n, get);
      if (r && 'files' in r) this.volumes!.set(n, r.files);
    }
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
      mounts.push({ mountPath: m.mountPath, files: files ?? new Map() });
    }
    return mounts;
  }
}

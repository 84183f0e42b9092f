/**
 * Stopping one running container: the `Killing` event, the preStop hook (which spends part of
 * the grace period), the stop signal, and SIGKILL once the remaining grace (at least 2 s) is
 * over. Mirrors pkg/kubelet/kuberuntime/kuberuntime_container.go (killContainer,
 * executePreStopHook) and pkg/kubelet/lifecycle/handlers.go.
 */
import type { LifecycleHandler } from 'kubernetes-types/core/v1';
import type { Container } from '../scheduler/types.ts';
import type { ContainerRecord } from './podStatus.ts';
import { processModel, STOP_EXIT_MS, type ProcessModel } from './process.ts';

/** kuberuntime_container.go minimumGracePeriodInSeconds. */
export const MINIMUM_GRACE_PERIOD_S = 2;

/** What the pod worker lends to the stop sequence. */
export interface StopHost {
  readonly nodeName: string;
  readonly podName: string;
  podIP(): string;
  nowMs(): number;
  after(ms: number, fn: () => void): void;
  event(c: ContainerRecord, type: 'Normal' | 'Warning', reason: string, message: string): void;
  runtimeSpan(verb: string, kind: string, duration: number, summary: string, args: Record<string, string | number>): number;
}

/** How long the preStop hook runs and whether it fails (handlers.go: exec / httpGet / sleep). */
export function preStopOutcome(hook: LifecycleHandler, spec: Container, proc: ProcessModel): { kind: string; ms: number; ok: boolean } {
  if (hook.sleep) return { kind: 'sleep', ms: hook.sleep.seconds * 1000, ok: true };
  if (hook.httpGet) {
    const port = typeof hook.httpGet.port === 'number' ? hook.httpGet.port : (spec.ports?.find((p) => p.name === hook.httpGet!.port)?.containerPort ?? Number(hook.httpGet.port));
    return { kind: 'httpGet', ms: 0, ok: proc.ports.includes(port) };
  }
  if (hook.exec) {
    const p = processModel(spec.image ?? '', hook.exec.command ?? []);
    // A hook that never ends runs until the grace period is over.
    return { kind: 'exec', ms: p.exitAfterMs === undefined ? Infinity : Math.max(0, p.exitAfterMs - 10), ok: p.exitCode === 0 };
  }
  // tcpSocket is not supported as a handler: it fails at once.
  return { kind: 'tcpSocket', ms: 0, ok: false };
}

/**
 * killContainer: `Killing` with `message`, the preStop hook, then the stop signal; `done` gets the
 * exit code and reason unless the container exited on its own meanwhile.
 */
export function stopContainer(
  h: StopHost, c: ContainerRecord, spec: Container | undefined, message: string, gracePeriodS: number,
  done: (exitCode: number, reason: string, stopped: boolean) => void,
): number {
  const inst = c.instance;
  if (!inst) return 0;
  h.event(c, 'Normal', 'Killing', message);
  let graceMs = Math.max(gracePeriodS, 0) * 1000;
  let hookMs = 0;
  const hook = spec?.lifecycle?.preStop;
  if (hook && spec) {
    const out = preStopOutcome(hook, spec, inst.proc);
    hookMs = Math.min(out.ms, graceMs);
    h.runtimeSpan('ExecSync', 'preStopHook', hookMs, `The kubelet on ${h.nodeName} runs the preStop hook (${out.kind}) of container ${c.name} in pod ${h.podName}.`, {
      container: c.name, hook: out.kind, seconds: hookMs / 1000,
    });
    if (!out.ok) h.after(hookMs, () => h.event(c, 'Warning', 'FailedPreStopHook', 'PreStopHook failed'));
    graceMs -= hookMs;
  }
  const remaining = Math.max(graceMs, MINIMUM_GRACE_PERIOD_S * 1000);
  const handles = inst.proc.stopExitCode !== undefined;
  const exitMs = handles ? Math.min(STOP_EXIT_MS, remaining) : remaining;
  h.after(hookMs, () => {
    h.runtimeSpan('StopContainer', 'runtimeStop', exitMs, `containerd on ${h.nodeName} stops container ${c.name} of pod ${h.podName}.`, {
      container: c.name, gracePeriod: remaining / 1000,
    });
  });
  h.after(hookMs + exitMs, () => {
    if (c.instance !== inst || c.phase !== 'running') return;
    const code = handles ? inst.proc.stopExitCode! : 137;
    done(code, code === 0 ? 'Completed' : 'Error', handles);
  });
  return hookMs + exitMs;
}

/**
 * What a running container sees, for the inspector: its environment as the kubelet built it at
 * start (each value with its source) and its mounted files now. The environment half is
 * generateContainerConfig's (pkg/kubelet/kuberuntime/kuberuntime_container.go →
 * kubelet_pods.go makeEnvironmentVariables + getServiceEnvVarMap); the runtime then adds PATH
 * and HOSTNAME (exec.ts processEnv), which are shown with the source `runtime`.
 */
import type { Container } from '../scheduler/types.ts';
import type { ContainerView, ValueSource } from '../types.ts';
import { makeEnvironmentVariables } from './envInjection.ts';
import { processEnv } from './exec.ts';
import type { KubeletCore } from './kubelet.ts';
import { PodMounts } from './podMounts.ts';
import type { PodWorker } from './podWorker.ts';
import { serviceEnvFor, type ServiceEnv } from './serviceLinks.ts';

/** A container's environment as set at its start: values and, in the same order, their sources. */
export type StartEnv = ServiceEnv;

const RUNTIME: ValueSource = { type: 'runtime' };

/**
 * The environment container `spec` starts with: the service variables (shared by every container
 * without env of its own: nothing per pod), plus envFrom/env; or the error that keeps it in
 * CreateContainerConfigError.
 */
export function containerStartEnv(k: KubeletCore, w: PodWorker, spec: Container | undefined, podIP: string): StartEnv & { error?: string; warnings?: string[] } {
  const pod = w.pod;
  const links = (pod.spec as { enableServiceLinks?: boolean } | undefined)?.enableServiceLinks !== false;
  const serviceEnv = serviceEnvFor(k, k.ctx.request, pod.metadata.namespace ?? 'default', links, k.userAgent, k.down);
  if (!spec?.env?.length && !spec?.envFrom?.length) return serviceEnv;
  return makeEnvironmentVariables(pod, spec, w.configSource({ container: spec.name }), { hostIP: k.machine.internalIP, podIP }, {
    serviceEnv, node: { cpu: k.machine.cpu, memory: k.machine.memory },
  });
}

/** The view of `container` (default: the first app container) in `w`; undefined when it is not running. */
export function containerView(w: PodWorker, container?: string): ContainerView | undefined {
  const name = container ?? w.pod.spec?.containers?.[0]?.name;
  const c = w.containers.find((x) => x.name === name);
  if (!c || !name || c.phase !== 'running' || !c.instance) return undefined;
  const start = w.envs?.get(name) ?? { env: [], sources: [] };
  const hostname = String((w.pod.spec as { hostname?: string } | undefined)?.hostname ?? w.pod.metadata.name);
  const own = new Map(start.env.map(([k], i) => [k, start.sources[i]!]));
  const env = processEnv({ hostname, env: start.env, mounts: [], execID: () => '' }).map(([k, value]) => ({ name: k, value, source: own.get(k) ?? RUNTIME }));
  const spec = w.containerSpec(name);
  // Without configMap/secret volumes there is no PodMounts; the service-account token still shows.
  const files = (w.mounts ?? new PodMounts()).files(w.pod, name, spec);
  return {
    pod: w.pod.metadata.name, namespace: w.pod.metadata.namespace ?? 'default', container: name,
    startedAt: c.instance.startWallMs - (w.k.ctx.clock.nowMs() - w.k.ctx.clock.now()),
    env, files,
  };
}

/** Test helper: kubectl against a real engine cluster, with in-memory files. */
import { createCluster } from '../engine/index.ts';
import type { Cluster } from '../engine/types.ts';
import { kubectlIOForCluster } from './clusterIO.ts';
import { kubectl } from './index.ts';
import type { KubectlIO, KubectlResult } from './types.ts';

export interface KubectlHarness {
  cluster: Cluster;
  io: KubectlIO;
  files: Record<string, string>;
  /** Runs `kubectl <line>` (split on spaces; use `run` for quoted args). */
  k(line: string): Promise<KubectlResult>;
  run(argv: string[]): Promise<KubectlResult>;
}

export function harness(seed = 1): KubectlHarness {
  const cluster = createCluster({ seed });
  const files: Record<string, string> = {};
  const io = kubectlIOForCluster(cluster, (p) => files[p]);
  return {
    cluster,
    io,
    files,
    k: (line) => kubectl(line.split(' ').filter(Boolean), io),
    run: (argv) => kubectl(argv, io),
  };
}

/** A Deployment manifest for tests: `web`, app=web, one `nginx` container (more with `extra`). */
export function deploymentYaml(opts: { name?: string; replicas?: number; image?: string; extra?: string } = {}): string {
  const name = opts.name ?? 'web';
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${opts.replicas ?? 3}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: nginx
        image: ${opts.image ?? 'nginx:1.27'}
        ports:
        - containerPort: 80
${opts.extra ?? ''}`;
}

/** A harness with the Deployment applied and rolled out. */
export async function withDeployment(opts: Parameters<typeof deploymentYaml>[0] = {}): Promise<KubectlHarness> {
  const h = harness();
  h.files['d.yaml'] = deploymentYaml(opts);
  const a = await h.k('apply -f d.yaml');
  if (a.exitCode !== 0) throw new Error(a.stderr);
  const s = await h.k(`rollout status deployment/${opts.name ?? 'web'} --timeout=5m`);
  if (s.exitCode !== 0) throw new Error(s.stdout + s.stderr);
  return h;
}

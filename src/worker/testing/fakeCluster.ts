/**
 * A tiny stand-in for the engine's Cluster, for the host's tests (and for looking at the UI
 * before the engine exists). Not Kubernetes: it just produces plausible objects, spans and
 * timers on a virtual clock.
 */
import type { RestRequest, RestResponse, WatchEvent } from '../../engine/apiserver/types.ts';
import type { Span, SpanInput } from '../../engine/trace/span.ts';
import type { Cluster, ClusterOptions, ClusterSnapshot, KubeObject, ObjectChange } from '../../engine/types.ts';
import type { KubectlIO } from '../../kubectl/types.ts';
import type { KubectlResult } from '../../protocol/types.ts';

const EPOCH = Date.parse('2026-01-01T00:00:00Z');

export class FakeCluster implements Cluster {
  readonly epochMs = EPOCH;
  readonly options: Required<ClusterOptions>;
  private t = 0;
  private seq = 0;
  private spanId = 0;
  private timers: { at: number; seq: number; fn: () => void }[] = [];
  private objects = new Map<string, { resource: string; obj: KubeObject }>();
  private spanCbs = new Set<(s: Span) => void>();
  private changeCbs = new Set<(c: ObjectChange) => void>();
  private spanned = false;
  readonly inputs: unknown[] = [];
  readonly sim = {
    nodeAdd: (name: string) => { this.addNode(name, false); return { ok: true, message: `node/${name} added\n` }; },
    imagePush: (image: string) => ({ ok: true, message: `pushed ${image}\n` }),
    containerKill: (pod: string) => ({ ok: true, message: `killed ${pod}\n` }),
    probeFail: (pod: string) => ({ ok: true, message: `probe ${pod}\n` }),
  };

  constructor(opts: ClusterOptions = {}) {
    this.options = { seed: opts.seed ?? 1, workers: opts.workers ?? 3 };
    this.addNode('control-plane', true);
    for (let i = 1; i <= this.options.workers; i++) this.addNode(`worker-${i}`, false);
  }

  now() { return this.t; }
  nextTimerAt() { return this.timers[0]?.at; }
  after(ms: number, fn: () => void) {
    this.timers.push({ at: this.t + ms, seq: this.seq++, fn });
    this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
  }
  runFor(ms: number) { this.runUntil(this.t + ms); }
  runUntilIdle(maxMs = 3_600_000) { this.runUntil(this.t + maxMs); }
  runUntil(at: number, opts?: { stopOnSpan?: boolean }): boolean {
    while (this.timers.length && this.timers[0].at <= at) {
      const timer = this.timers.shift()!;
      this.t = timer.at;
      this.spanned = false;
      timer.fn();
      if (opts?.stopOnSpan && this.spanned) return true;
    }
    this.t = Math.max(this.t, at);
    return false;
  }
  onSpan(cb: (s: Span) => void) { this.spanCbs.add(cb); return () => { this.spanCbs.delete(cb); }; }
  onChange(cb: (c: ObjectChange) => void) { this.changeCbs.add(cb); return () => { this.changeCbs.delete(cb); }; }
  recordSpan(input: SpanInput): Span {
    const span: Span = { ...input, id: ++this.spanId, at: input.at ?? this.t };
    this.spanned = true;
    for (const cb of this.spanCbs) cb(span);
    return span;
  }
  watch(_path: string, _q: Record<string, string> | undefined, _cb: (e: WatchEvent) => void) { return () => {}; }
  snapshot(): ClusterSnapshot {
    return { version: 1, options: this.options, at: this.t, inputs: [...this.inputs] };
  }

  handle(req: RestRequest): RestResponse {
    const m = /^\/api\/v1\/(pods|nodes|events|namespaces)$/.exec(req.path);
    if (req.verb === 'GET' && m) {
      return { code: 200, body: { kind: 'List', items: [...this.objects.values()].filter((o) => o.resource === m[1]).map((o) => o.obj) } };
    }
    return { code: 404, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'not found', reason: 'NotFound', code: 404 } };
  }

  /** Pretend `kubectl create deployment NAME --replicas N`: pods that get scheduled and start. */
  deploy(name: string, replicas: number): void {
    this.inputs.push({ deploy: name, replicas });
    this.recordSpan({ duration: 0, from: 'kubectl', to: 'apiserver', verb: `POST /apis/apps/v1/namespaces/default/deployments`, kind: 'apiCreate', args: { name }, summary: `kubectl creates deployment ${name}` });
    for (let i = 0; i < replicas; i++) {
      const pod = `${name}-5d8f7c9b6-${'bcdfg'[i % 5]}${i}x2k`;
      const node = `worker-${(i % this.options.workers) + 1}`;
      this.after(100 + i * 10, () => {
        this.put('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: pod, namespace: 'default' }, spec: { containers: [{ name, image: 'nginx:1.27' }] }, status: { phase: 'Pending' } });
        this.recordSpan({ duration: 0, from: 'controller-manager', to: 'apiserver', verb: 'POST /api/v1/namespaces/default/pods', object: `Pod/default/${pod}`, kind: 'apiCreate', args: { pod }, summary: `The ReplicaSet controller creates pod ${pod}` });
      });
      this.after(400 + i * 10, () => {
        this.put('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: pod, namespace: 'default' }, spec: { nodeName: node, containers: [{ name, image: 'nginx:1.27' }] }, status: { phase: 'Pending', containerStatuses: [{ name, ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }] } });
        this.recordSpan({ duration: 0, from: 'scheduler', to: 'apiserver', verb: 'POST binding', object: `Pod/default/${pod}`, kind: 'schedulerBind', args: { pod, node }, summary: `The scheduler binds ${pod} to ${node}`, payload: { target: { kind: 'Node', name: node } } });
        this.event(pod, 'Scheduled', `Successfully assigned default/${pod} to ${node}`);
      });
      this.after(3000 + i * 10, () => {
        this.put('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: pod, namespace: 'default' }, spec: { nodeName: node, containers: [{ name, image: 'nginx:1.27' }] }, status: { phase: 'Running', podIP: `10.244.${i + 1}.5`, conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [{ name, ready: true, restartCount: 0, state: { running: {} } }] } });
        this.recordSpan({ duration: 0, from: 'kubelet', to: 'apiserver', node, verb: 'PATCH status', object: `Pod/default/${pod}`, kind: 'kubeletStatus', args: { pod }, summary: `The kubelet on ${node} reports ${pod} Running` });
        this.event(pod, 'Started', `Started container ${name}`);
      });
    }
  }

  private event(pod: string, reason: string, message: string) {
    const ts = new Date(this.epochMs + this.t).toISOString().replace(/\.\d+Z$/, 'Z');
    this.put('events', { apiVersion: 'v1', kind: 'Event', metadata: { name: `${pod}.${this.seq++}`, namespace: 'default' }, involvedObject: { kind: 'Pod', name: pod, namespace: 'default' }, reason, message, type: 'Normal', lastTimestamp: ts, count: 1 });
  }

  private addNode(name: string, controlPlane: boolean) {
    const labels: Record<string, string> = { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64' };
    if (controlPlane) labels['node-role.kubernetes.io/control-plane'] = '';
    this.put('nodes', {
      apiVersion: 'v1', kind: 'Node', metadata: { name, labels },
      spec: controlPlane ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } : {},
      status: { capacity: { cpu: '2', memory: '4Gi', pods: '110' }, allocatable: { cpu: '2', memory: '4Gi', pods: '110' }, conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady' }] },
    });
  }

  private put(resource: string, obj: KubeObject) {
    const key = `${resource}/${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
    const type = this.objects.has(key) ? 'MODIFIED' : 'ADDED';
    this.objects.set(key, { resource, obj });
    for (const cb of this.changeCbs) cb({ type, resource, object: obj });
  }
}

/** A fake `kubectl`: `apply` deploys 3 `web` pods, `get pods` lists names; anything else errors. */
export async function fakeKubectl(argv: string[], io: KubectlIO, cluster: () => FakeCluster): Promise<KubectlResult> {
  if (argv[0] === 'apply') {
    const text = io.readFile(argv[2] ?? '') ?? '';
    if (text.includes('bad')) return { stdout: '', stderr: 'error: bad manifest\n', exitCode: 1, diagnostics: [{ file: argv[2], line: 1, column: 1, endLine: 1, endColumn: 4, message: 'bad', severity: 'error' }] };
    cluster().deploy('web', 3);
    return { stdout: 'deployment.apps/web created\n', stderr: '', exitCode: 0 };
  }
  if (argv[0] === 'wait') {
    await io.sleep(5000);
    // Interrupted (Ctrl+C): what it printed so far, exit 130, as the real kubectl does.
    if (io.signal?.aborted) return { stdout: 'waiting\n', stderr: '', exitCode: 130 };
    return { stdout: 'condition met\n', stderr: '', exitCode: 0 };
  }
  if (argv[0] === 'boom') throw new Error('kaboom');
  return { stdout: '', stderr: `error: unknown command "${argv[0]}" for "kubectl"\n`, exitCode: 1 };
}

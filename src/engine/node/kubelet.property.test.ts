/**
 * Property tests (fast-check) for the kubelet and runtime on the real engine: whatever mix of
 * images and pull policies arrives, every pod ends in the state the real kubelet gives it — a
 * known image runs (or, with `Never` and no cached copy, waits with ErrImageNeverPull), an unknown
 * one cycles ErrImagePull / ImagePullBackOff — and the Pod STATUS, conditions and events agree.
 * Random container kills and forced probe failures keep restartCount monotone and the status
 * consistent with the restartPolicy.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/testCluster.ts';

type Policy = 'Always' | 'IfNotPresent' | 'Never' | undefined;
const KNOWN = ['nginx:1.27', 'nginx', 'redis:7', 'busybox:1.36'];
const UNKNOWN = ['nginx:doesnotexist', 'example.invalid/team/app:v1'];

const podArb = fc.record({
  image: fc.constantFrom(...KNOWN, ...UNKNOWN),
  policy: fc.constantFrom<Policy>('Always', 'IfNotPresent', 'Never', undefined),
});

interface ContainerStatus {
  ready: boolean;
  state: { running?: unknown; waiting?: { reason: string }; terminated?: { reason: string } };
}

describe('kubelet properties', () => {
  it('each pod ends as upstream would leave it, given its image and pull policy', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.array(podArb, { minLength: 1, maxLength: 8 }), (seed, pods) => {
        const c = new TestCluster({ seed, workers: 2 });
        pods.forEach((p, i) =>
          c.apply({
            apiVersion: 'v1',
            kind: 'Pod',
            metadata: { name: `p${i}` },
            spec: {
              // busybox with a long sleep keeps running, so "runs" is one state for every known image.
              containers: [{ name: 'app', image: p.image, ...(p.policy ? { imagePullPolicy: p.policy } : {}), ...(p.image.startsWith('busybox') ? { command: ['sh', '-c', 'sleep 3600'] } : {}) }],
            },
          }),
        );
        c.runFor('2m');
        for (const [i, p] of pods.entries()) {
          const pod = c.pod(`p${i}`)!;
          const status = pod.status as { phase: string; conditions: { type: string; status: string }[]; containerStatuses: ContainerStatus[] };
          const cs = status.containerStatuses[0]!;
          const ready = status.conditions.find((x) => x.type === 'Ready')!.status;
          const reasons = c.events(`p${i}`).map((e) => (e as unknown as { reason: string }).reason);
          expect(reasons[0]).toBe('Scheduled');
          if (KNOWN.includes(p.image) && p.policy !== 'Never') {
            expect(status.phase).toBe('Running');
            expect(cs.state.running).toBeDefined();
            expect(cs.ready).toBe(true);
            expect(ready).toBe('True');
            expect(reasons).toContain('Started');
          } else if (p.policy === 'Never') {
            // Never only uses what is already on the node; the catalog images are not preloaded, and
            // every pod arrives at once, so no other pod has pulled the image yet.
            expect(status.phase).toBe('Pending');
            expect(cs.state.waiting?.reason).toBe('ErrImageNeverPull');
            expect(reasons).toContain('ErrImageNeverPull');
          } else {
            expect(status.phase).toBe('Pending');
            expect(['ErrImagePull', 'ImagePullBackOff']).toContain(cs.state.waiting?.reason);
            expect(ready).toBe('False');
            expect(reasons).toContain('Failed');
            expect(reasons).toContain('BackOff');
            expect(reasons).not.toContain('Started');
          }
        }
      }),
      { numRuns: 20 },
    );
  });
});

type RestartPolicy = 'Always' | 'OnFailure' | 'Never';
const stepArb = fc.oneof(
  fc.record({ t: fc.constant('kill' as const), exitCode: fc.constantFrom(0, 1, 2, 137) }),
  fc.record({ t: fc.constant('probe' as const), probe: fc.constantFrom('liveness' as const, 'readiness' as const), fail: fc.boolean() }),
  fc.record({ t: fc.constant('wait' as const), s: fc.integer({ min: 1, max: 90 }) }),
);

interface Cs {
  ready: boolean;
  restartCount: number;
  state: { running?: unknown; waiting?: { reason: string }; terminated?: { exitCode: number; reason: string } };
  lastState: { terminated?: { exitCode: number; reason: string } };
}

describe('kubelet properties under kills and probe failures', () => {
  it('restartCount never decreases and the status matches the restartPolicy', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }), fc.constantFrom<RestartPolicy>('Always', 'OnFailure', 'Never'), fc.array(stepArb, { minLength: 1, maxLength: 12 }),
        (seed, restartPolicy, steps) => {
          const c = new TestCluster({ seed, workers: 1 });
          c.apply({
            apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' },
            spec: {
              restartPolicy, terminationGracePeriodSeconds: 5,
              containers: [{
                name: 'app', image: 'nginx:1.27',
                livenessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 5 },
                readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 5 },
              }],
            },
          });
          c.runFor('10s');
          let lastRestarts = 0;
          const exits: number[] = [];
          for (const s of steps) {
            if (s.t === 'kill') {
              const r = c.cluster.sim.containerKill('p', { exitCode: s.exitCode });
              if (r.ok) exits.push(s.exitCode);
              else expect(r.message).toBe('container "app" is not running');
            } else if (s.t === 'probe') {
              expect(c.cluster.sim.probeFail('p', { probe: s.probe, fail: s.fail }).ok).toBe(true);
            } else c.runFor(`${s.s}s`);
            const pod = c.pod('p')!;
            const status = pod.status as { phase: string; conditions: { type: string; status: string; reason?: string }[]; containerStatuses: Cs[] };
            const cs = status.containerStatuses[0]!;
            expect(cs.restartCount).toBeGreaterThanOrEqual(lastRestarts);
            lastRestarts = cs.restartCount;
            const ready = status.conditions.find((x) => x.type === 'Ready')!;
            if (ready.status === 'True') expect(cs.state.running && cs.ready).toBeTruthy();
            for (const t of [cs.state.terminated, cs.lastState.terminated]) {
              if (t) expect(t.reason).toBe(t.exitCode === 0 ? 'Completed' : 'Error');
            }
            if (restartPolicy === 'Never') {
              expect(cs.restartCount).toBe(0);
              expect(cs.state.waiting?.reason).not.toBe('CrashLoopBackOff');
              if (cs.state.terminated) {
                expect(status.phase).toBe(cs.state.terminated.exitCode === 0 ? 'Succeeded' : 'Failed');
                expect(ready.reason).toBe(status.phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed');
              }
            } else {
              expect(status.phase).not.toBe('Failed');
              if (restartPolicy === 'Always') expect(status.phase).toBe('Running');
              if (status.phase === 'Succeeded') expect(cs.state.terminated?.exitCode).toBe(0);
            }
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});

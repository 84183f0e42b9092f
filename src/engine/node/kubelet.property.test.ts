/**
 * Property test (fast-check) for the kubelet and runtime on the real engine: whatever mix of
 * images and pull policies arrives, every pod ends in the state the real kubelet gives it — a
 * known image runs (or, with `Never` and no cached copy, waits with ErrImageNeverPull), an unknown
 * one cycles ErrImagePull / ImagePullBackOff — and the Pod STATUS, conditions and events agree.
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

import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { podRow, podStatusCells } from './pod.ts';

const NOW = Date.parse('2026-01-01T00:10:00Z');

function pod(p: Partial<Pod> & { status?: Pod['status'] }, containers = ['app']): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'default', creationTimestamp: '2026-01-01T00:00:00Z', ...(p.metadata ?? {}) },
    spec: { containers: containers.map((name) => ({ name, image: 'nginx' })), ...(p.spec ?? {}) },
    status: p.status ?? { phase: 'Pending' },
  };
}

const running = (name: string, ready = true) => ({ name, ready, restartCount: 0, image: 'nginx', imageID: '', state: { running: { startedAt: '2026-01-01T00:00:05Z' } } });

describe('pod STATUS column (printers.go printPod)', () => {
  it('shows the phase when there are no container statuses', () => {
    expect(podStatusCells(pod({}), NOW)).toEqual({ ready: '0/1', status: 'Pending', restarts: '0' });
  });

  it('shows a waiting reason', () => {
    const p = pod({ status: { phase: 'Pending', containerStatuses: [{ name: 'app', ready: false, restartCount: 0, image: 'nginx', imageID: '', state: { waiting: { reason: 'ContainerCreating' } } }] } });
    expect(podStatusCells(p, NOW).status).toBe('ContainerCreating');
  });

  it('counts ready running containers', () => {
    const p = pod({ status: { phase: 'Running', containerStatuses: [running('a'), running('b', false)] } }, ['a', 'b']);
    expect(podStatusCells(p, NOW)).toEqual({ ready: '1/2', status: 'Running', restarts: '0' });
  });

  it('lets the first container win because it walks from last to first', () => {
    const p = pod(
      {
        status: {
          phase: 'Running',
          containerStatuses: [
            { name: 'a', ready: false, restartCount: 3, image: '', imageID: '', state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, finishedAt: '2026-01-01T00:09:15Z' } } },
            { name: 'b', ready: false, restartCount: 0, image: '', imageID: '', state: { waiting: { reason: 'ImagePullBackOff' } } },
          ],
        },
      },
      ['a', 'b'],
    );
    expect(podStatusCells(p, NOW)).toEqual({ ready: '0/2', status: 'CrashLoopBackOff', restarts: '3 (45s ago)' });
  });

  it('shows Signal:N / ExitCode:N for terminated containers without a reason', () => {
    const p = pod({ status: { phase: 'Running', containerStatuses: [{ name: 'app', ready: false, restartCount: 0, image: '', imageID: '', state: { terminated: { exitCode: 137, signal: 9 } } }] } });
    expect(podStatusCells(p, NOW).status).toBe('Signal:9');
    const q = pod({ status: { phase: 'Running', containerStatuses: [{ name: 'app', ready: false, restartCount: 0, image: '', imageID: '', state: { terminated: { exitCode: 2 } } }] } });
    expect(podStatusCells(q, NOW).status).toBe('ExitCode:2');
  });

  it('turns Completed back into Running / NotReady while another container runs', () => {
    const statuses = [running('a'), { name: 'b', ready: false, restartCount: 0, image: '', imageID: '', state: { terminated: { exitCode: 0, reason: 'Completed' } } }];
    const ready = pod({ status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: statuses } }, ['a', 'b']);
    expect(podStatusCells(ready, NOW).status).toBe('Running');
    const notReady = pod({ status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'False' }], containerStatuses: statuses } }, ['a', 'b']);
    expect(podStatusCells(notReady, NOW).status).toBe('NotReady');
  });

  it('shows init container progress and failures', () => {
    const spec = { initContainers: [{ name: 'init', image: 'busybox' }], containers: [{ name: 'app', image: 'nginx' }] };
    const waiting = pod({ spec, status: { phase: 'Pending', initContainerStatuses: [{ name: 'init', ready: false, restartCount: 0, image: '', imageID: '', state: { waiting: { reason: 'PodInitializing' } } }] } });
    expect(podStatusCells(waiting, NOW).status).toBe('Init:0/1');
    const pull = pod({ spec, status: { phase: 'Pending', initContainerStatuses: [{ name: 'init', ready: false, restartCount: 0, image: '', imageID: '', state: { waiting: { reason: 'ErrImagePull' } } }] } });
    expect(podStatusCells(pull, NOW).status).toBe('Init:ErrImagePull');
    const failed = pod({ spec, status: { phase: 'Pending', initContainerStatuses: [{ name: 'init', ready: false, restartCount: 0, image: '', imageID: '', state: { terminated: { exitCode: 1 } } }] } });
    expect(podStatusCells(failed, NOW).status).toBe('Init:ExitCode:1');
  });

  it('counts a started sidecar (restartable init container) in READY', () => {
    const spec = { initContainers: [{ name: 'side', image: 'envoy', restartPolicy: 'Always' }], containers: [{ name: 'app', image: 'nginx' }] };
    const p = pod({
      spec,
      status: {
        phase: 'Running',
        conditions: [{ type: 'Initialized', status: 'True' }],
        initContainerStatuses: [{ ...running('side'), started: true }],
        containerStatuses: [running('app')],
      },
    });
    expect(podStatusCells(p, NOW)).toEqual({ ready: '2/2', status: 'Running', restarts: '0' });
  });

  it('shows Terminating for a deleted non-terminal pod, and the phase for a terminal one', () => {
    const del = { name: 'web', creationTimestamp: '2026-01-01T00:00:00Z', deletionTimestamp: '2026-01-01T00:09:00Z' };
    expect(podStatusCells(pod({ metadata: del, status: { phase: 'Running', containerStatuses: [running('app')] } }), NOW).status).toBe('Terminating');
    expect(podStatusCells(pod({ metadata: del, status: { phase: 'Succeeded' } }), NOW).status).toBe('Succeeded');
    expect(podStatusCells(pod({ metadata: del, status: { phase: 'Running', reason: 'NodeLost' } }), NOW).status).toBe('Unknown');
  });

  it('shows SchedulingGated and status.reason', () => {
    expect(podStatusCells(pod({ status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] } }), NOW).status).toBe('SchedulingGated');
    expect(podStatusCells(pod({ status: { phase: 'Failed', reason: 'Evicted' } }), NOW).status).toBe('Evicted');
  });

  it('fills the wide columns with <none> when empty', () => {
    expect(podRow(pod({}), NOW, true)).toEqual(['web', '0/1', 'Pending', '0', '10m', '<none>', '<none>', '<none>', '<none>']);
    const p = pod({ spec: { nodeName: 'worker-1', containers: [{ name: 'app' }], readinessGates: [{ conditionType: 'x' }] }, status: { phase: 'Running', podIPs: [{ ip: '10.244.1.2' }], conditions: [{ type: 'x', status: 'True' }] } });
    expect(podRow(p, NOW, true).slice(5)).toEqual(['10.244.1.2', 'worker-1', '<none>', '1/1']);
  });
});

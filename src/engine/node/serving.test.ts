import { describe, expect, it } from 'vitest';
import type { PodWorker } from './podWorker.ts';
import { processModel } from './process.ts';
import { serve } from './serving.ts';

const worker = (...containers: { name: string; image: string; phase: string; ended?: boolean; command?: string[] }[]) =>
  ({
    containers: containers.map((c) => ({
      name: c.name, phase: c.phase,
      instance: { proc: processModel(c.image, c.command ?? []), startWallMs: 0, containerID: 'x', ...(c.ended ? { endMs: 5 } : {}) },
    })),
  }) as unknown as PodWorker;

describe('serve: does the pod answer on a port?', () => {
  it('answers when a running process listens there (the same ports the prober checks)', () => {
    const w = worker({ name: 'sidecar', image: 'busybox', phase: 'running', command: ['sleep', 'infinity'] }, { name: 'nginx', image: 'nginx:1.27', phase: 'running' });
    expect(serve(w, 80, false)).toEqual({ ok: true, container: 'nginx' });
    expect(serve(w, 8080, false)).toEqual({ ok: false, reason: 'refused' });
    expect(serve(worker({ name: 'py', image: 'python:3.13', phase: 'running', command: ['python', '-m', 'http.server', '9000'] }), 9000, false)).toEqual({ ok: true, container: 'py' });
  });

  it('refuses once the process has exited or before it runs; a dead machine does not answer at all', () => {
    expect(serve(worker({ name: 'nginx', image: 'nginx', phase: 'terminated', ended: true }), 80, false)).toEqual({ ok: false, reason: 'refused' });
    expect(serve(worker({ name: 'nginx', image: 'nginx', phase: 'waiting' }), 80, false)).toEqual({ ok: false, reason: 'refused' });
    expect(serve(worker({ name: 'nginx', image: 'nginx', phase: 'running' }), 80, true)).toEqual({ ok: false, reason: 'unreachable' });
    expect(serve(undefined, 80, true)).toEqual({ ok: false, reason: 'unreachable' });
    expect(serve(undefined, 80, false)).toEqual({ ok: false, reason: 'no-pod' });
  });
});

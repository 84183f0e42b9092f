import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../protocol/types.ts';
import { podColumns } from './podColumns.ts';

const pod = (spec: unknown, status: unknown, meta: Partial<KubeObject['metadata']> = {}): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', ...meta }, spec, status }) as KubeObject;
const one = { containers: [{ name: 'c' }] };

describe('podColumns (printPod)', () => {
  it('Pending without container statuses', () => {
    expect(podColumns(pod(one, { phase: 'Pending' }))).toEqual({ status: 'Pending', ready: '0/1', restarts: 0 });
  });
  it('Running and ready', () => {
    const st = { phase: 'Running', containerStatuses: [{ name: 'c', ready: true, restartCount: 2, state: { running: {} } }] };
    expect(podColumns(pod(one, st))).toEqual({ status: 'Running', ready: '1/1', restarts: 2 });
  });
  it('waiting reason wins (CrashLoopBackOff)', () => {
    const st = { phase: 'Running', containerStatuses: [{ name: 'c', ready: false, restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } } }] };
    expect(podColumns(pod(one, st)).status).toBe('CrashLoopBackOff');
  });
  it('terminated without reason prints ExitCode / Signal', () => {
    const st = { phase: 'Running', containerStatuses: [{ name: 'c', state: { terminated: { exitCode: 3 } } }] };
    expect(podColumns(pod(one, st)).status).toBe('ExitCode:3');
  });
  it('the first container wins when several apply (reverse walk)', () => {
    const spec = { containers: [{ name: 'a' }, { name: 'b' }] };
    const st = { phase: 'Pending', containerStatuses: [
      { name: 'a', state: { waiting: { reason: 'ErrImagePull' } } },
      { name: 'b', state: { waiting: { reason: 'ContainerCreating' } } },
    ] };
    expect(podColumns(pod(spec, st))).toMatchObject({ status: 'ErrImagePull', ready: '0/2' });
  });
  it('init containers: Init:0/1, then Init:<reason>', () => {
    const spec = { initContainers: [{ name: 'i' }], containers: [{ name: 'c' }] };
    expect(podColumns(pod(spec, { phase: 'Pending', initContainerStatuses: [{ name: 'i', state: { waiting: { reason: 'PodInitializing' } } }] })).status).toBe('Init:0/1');
    expect(podColumns(pod(spec, { phase: 'Pending', initContainerStatuses: [{ name: 'i', state: { waiting: { reason: 'ErrImagePull' } } }] })).status).toBe('Init:ErrImagePull');
  });
  it('Terminating when deletionTimestamp is set on a non-terminal pod; Unknown for NodeLost', () => {
    const st = { phase: 'Running', containerStatuses: [{ name: 'c', ready: true, state: { running: {} } }] };
    expect(podColumns(pod(one, st, { deletionTimestamp: '2026-01-01T00:00:00Z' })).status).toBe('Terminating');
    expect(podColumns(pod(one, { ...st, reason: 'NodeLost' }, { deletionTimestamp: '2026-01-01T00:00:00Z' })).status).toBe('Unknown');
    expect(podColumns(pod(one, { phase: 'Succeeded' }, { deletionTimestamp: '2026-01-01T00:00:00Z' })).status).toBe('Succeeded');
  });
  it('Completed with a container still running → Running/NotReady', () => {
    const spec = { containers: [{ name: 'a' }, { name: 'b' }] };
    const st = (ready: string) => ({ phase: 'Running', conditions: [{ type: 'Ready', status: ready }], containerStatuses: [
      { name: 'a', state: { terminated: { reason: 'Completed', exitCode: 0 } } },
      { name: 'b', ready: true, state: { running: {} } },
    ] });
    expect(podColumns(pod(spec, st('True'))).status).toBe('Running');
    expect(podColumns(pod(spec, st('False'))).status).toBe('NotReady');
  });
});

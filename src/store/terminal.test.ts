import { describe, expect, it } from 'vitest';
import type { RestCall } from '../protocol/messages.ts';
import { appendRequests, appendResult, appendStream, appendTerminal, MAX_REQUEST_LINES } from './terminal.ts';

const call = (i: number, code = 200): RestCall => ({ method: 'GET', path: `/api/v1/namespaces/default/pods/p-${i}`, code, spanId: 100 + i });

describe('terminal scrollback', () => {
  it('lists the REST requests after the output, with code and span id', () => {
    let lines = appendTerminal([], { kind: 'input', text: 'kubectl get pod p-1' });
    lines = appendTerminal(lines, { kind: 'stderr', text: 'Error from server (NotFound): pods "p-1" not found\n' });
    lines = appendRequests(lines, [call(1, 404)]);
    expect(lines.map((l) => [l.kind, l.text, l.count, l.spanId])).toEqual([
      ['input', 'kubectl get pod p-1', undefined, undefined],
      ['stderr', 'Error from server (NotFound): pods "p-1" not found', undefined, undefined],
      ['request', 'GET /api/v1/namespaces/default/pods/p-1', 404, 101],
    ]);
  });

  it('lists at most MAX_REQUEST_LINES and counts the rest', () => {
    const lines = appendRequests([], Array.from({ length: MAX_REQUEST_LINES + 5 }, (_, i) => call(i)));
    expect(lines).toHaveLength(MAX_REQUEST_LINES + 1);
    expect(lines.at(-1)).toMatchObject({ kind: 'requestsMore', count: 5 });
  });

  it('an interrupted command ends with ^C; a result lands under its own command even when another line came after', () => {
    let lines = appendTerminal([], { kind: 'input', text: 'kubectl get pods -w', cmd: 1 });
    lines = appendTerminal(lines, { kind: 'input', text: 'kubectl delete pod web-1', cmd: 2 });
    lines = appendResult(lines, 2, { stdout: 'pod "web-1" deleted from default namespace\n', stderr: '', exitCode: 0 });
    lines = appendResult(lines, 1, { stdout: 'NAME    READY   STATUS\nweb-1   1/1     Running\n', stderr: '', exitCode: 130, interrupted: true, requests: [call(1)] });
    expect(lines.map((l) => `${l.kind}:${l.text}`)).toEqual([
      'input:kubectl get pods -w',
      'stdout:NAME    READY   STATUS',
      'stdout:web-1   1/1     Running',
      'stdout:^C',
      'request:GET /api/v1/namespaces/default/pods/p-1',
      'input:kubectl delete pod web-1',
      'stdout:pod "web-1" deleted from default namespace',
    ]);
    expect(new Set(lines.map((l) => l.id)).size).toBe(lines.length);
  });

  it('streamed output shows under its own command as it arrives, and the result replaces it without duplicates', () => {
    let lines = appendTerminal([], { kind: 'input', text: 'kubectl get pods -w', cmd: 1 });
    lines = appendTerminal(lines, { kind: 'input', text: 'kubectl delete pod web-1', cmd: 2 });
    lines = appendStream(lines, 1, 'stdout', 'NAME    READY   STATUS\nweb-1   1/1     Running\n');
    lines = appendResult(lines, 2, { stdout: 'pod "web-1" deleted from default namespace\n', stderr: '', exitCode: 0 });
    lines = appendStream(lines, 1, 'stdout', 'web-1   1/1     Termin');
    lines = appendStream(lines, 1, 'stdout', 'ating\nweb-2   0/1     Pending\n');
    const show = () => lines.map((l) => `${l.kind}:${l.text}`);
    expect(show()).toEqual([
      'input:kubectl get pods -w',
      'stdout:NAME    READY   STATUS',
      'stdout:web-1   1/1     Running',
      'stdout:web-1   1/1     Terminating',
      'stdout:web-2   0/1     Pending',
      'input:kubectl delete pod web-1',
      'stdout:pod "web-1" deleted from default namespace',
    ]);
    expect(lines.find((l) => l.text.startsWith('web-1   1/1     Termin'))!.open).toBeUndefined();
    // Interrupted: the result carries all it printed (one row more than was streamed), then ^C.
    const stdout = 'NAME    READY   STATUS\nweb-1   1/1     Running\nweb-1   1/1     Terminating\nweb-2   0/1     Pending\nweb-2   0/1     ContainerCreating\n';
    lines = appendResult(lines, 1, { stdout, stderr: '', exitCode: 130, interrupted: true, requests: [call(1)] });
    expect(show()).toEqual([
      'input:kubectl get pods -w',
      'stdout:NAME    READY   STATUS',
      'stdout:web-1   1/1     Running',
      'stdout:web-1   1/1     Terminating',
      'stdout:web-2   0/1     Pending',
      'stdout:web-2   0/1     ContainerCreating',
      'stdout:^C',
      'request:GET /api/v1/namespaces/default/pods/p-1',
      'input:kubectl delete pod web-1',
      'stdout:pod "web-1" deleted from default namespace',
    ]);
    expect(lines.some((l) => l.streamed)).toBe(false);
    expect(new Set(lines.map((l) => l.id)).size).toBe(lines.length);
  });

  it('a line left open stays open until a newline arrives; stderr chunks are kept as stderr', () => {
    let lines = appendTerminal([], { kind: 'input', text: 'kubectl rollout status deployment/web', cmd: 7 });
    lines = appendStream(lines, 7, 'stdout', 'Waiting');
    lines = appendStream(lines, 7, 'stdout', ' for');
    expect(lines.slice(1).map((l) => [l.text, l.open])).toEqual([['Waiting for', true]]);
    lines = appendStream(lines, 7, 'stdout', '...\n');
    lines = appendStream(lines, 7, 'stderr', 'Warning: x\n');
    expect(lines.slice(1).map((l) => [l.kind, l.text, l.open, l.streamed])).toEqual([
      ['stdout', 'Waiting for...', undefined, true],
      ['stderr', 'Warning: x', undefined, true],
    ]);
  });
  it('a finished command keeps its streamed stdout and stderr interleaved as printed (drain retries)', () => {
    let lines = appendTerminal([], { kind: 'input', text: 'kubectl drain worker-1', cmd: 9 });
    lines = appendStream(lines, 9, 'stdout', 'node/worker-1 cordoned\nevicting pod default/web-1\n');
    lines = appendStream(lines, 9, 'stderr', 'error when evicting pods/"web-1" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod\'s disruption budget.\n');
    lines = appendStream(lines, 9, 'stdout', 'pod/web-1 evicted\nnode/worker-1 drained\n');
    lines = appendResult(lines, 9, {
      stdout: 'node/worker-1 cordoned\nevicting pod default/web-1\npod/web-1 evicted\nnode/worker-1 drained\n',
      stderr: 'error when evicting pods/"web-1" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod\'s disruption budget.\n',
      exitCode: 0,
    });
    expect(lines.map((l) => `${l.kind}:${l.text.slice(0, 24)}`)).toEqual([
      'input:kubectl drain worker-1',
      'stdout:node/worker-1 cordoned',
      'stdout:evicting pod default/web',
      'stderr:error when evicting pods',
      'stdout:pod/web-1 evicted',
      'stdout:node/worker-1 drained',
    ]);
    expect(lines.some((l) => l.streamed || l.open)).toBe(false);
  });
});

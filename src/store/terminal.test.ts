import { describe, expect, it } from 'vitest';
import type { RestCall } from '../protocol/messages.ts';
import { appendRequests, appendResult, appendTerminal, MAX_REQUEST_LINES } from './terminal.ts';

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
});

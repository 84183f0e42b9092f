import { describe, expect, it } from 'vitest';
import type { Event } from 'kubernetes-types/core/v1';
import { eventRow, sortEventsByTime } from './event.ts';

const NOW = Date.parse('2026-01-01T00:01:00Z');

function ev(name: string, first: string, rv: string, extra: Partial<Event> = {}): Event {
  return {
    metadata: { name, namespace: 'default', resourceVersion: rv },
    involvedObject: { kind: 'Pod', name: 'web', namespace: 'default', fieldPath: 'spec.containers{nginx}' },
    reason: 'Pulled',
    message: ' Successfully pulled image "nginx" ',
    type: 'Normal',
    firstTimestamp: first,
    lastTimestamp: first,
    count: 1,
    source: { component: 'kubelet', host: 'worker-1' },
    ...extra,
  };
}

describe('event printer (printEvent)', () => {
  it('prints LAST SEEN TYPE REASON OBJECT MESSAGE with a trimmed message', () => {
    expect(eventRow(ev('web.1', '2026-01-01T00:00:30Z', '5'), NOW, false)).toEqual(['30s', 'Normal', 'Pulled', 'pod/web', 'Successfully pulled image "nginx"']);
  });

  it('prints the wide columns: SUBOBJECT, SOURCE with host, FIRST SEEN, COUNT, NAME', () => {
    const e = ev('web.1', '2026-01-01T00:00:00Z', '5', { lastTimestamp: '2026-01-01T00:00:50Z', count: 4 });
    expect(eventRow(e, NOW, true)).toEqual(['10s', 'Normal', 'Pulled', 'pod/web', 'spec.containers{nginx}', 'kubelet, worker-1', 'Successfully pulled image "nginx"', '60s', '4', 'web.1']);
  });

  it('sorts events in the order they happened (time, then resourceVersion)', () => {
    const a = ev('z', '2026-01-01T00:00:10Z', '9');
    const b = ev('a', '2026-01-01T00:00:10Z', '7');
    const c = ev('m', '2026-01-01T00:00:01Z', '20');
    expect(sortEventsByTime([a, b, c]).map((e) => e.metadata?.name)).toEqual(['m', 'a', 'z']);
  });
});

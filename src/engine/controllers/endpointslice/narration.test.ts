import { describe, expect, it } from 'vitest';
import { TestCluster } from '../../testing/testCluster.ts';
import type { Span } from '../../trace/span.ts';

// The engine layer does not import src/i18n; this test reads the English templates at run time
// to check them against the summaries the engine writes.
const area = 'endpoints';
const en = ((await import(`../../../i18n/en/narration/${area}.ts`)) as { default: Record<string, string> }).default;

/** Renders `narration.<kind>` as i18next would in English (`_one`/`_other` by `count`). */
function render(s: Span): string | undefined {
  const plural = typeof s.args.count === 'number' ? `${s.kind}_${s.args.count === 1 ? 'one' : 'other'}` : undefined;
  const t = (plural && en[plural]) || en[s.kind];
  return t?.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => String(s.args[k]));
}

describe('endpoints narration', () => {
  it('renders every endpoints span as its English summary', () => {
    const c = new TestCluster({ workers: 1 });
    c.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { clusterIP: '10.96.100.10', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] } });
    c.runFor('1s');
    c.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a', labels: { app: 'web' } }, spec: { terminationGracePeriodSeconds: 30, containers: [{ name: 'c', image: 'nginx:1.27' }] } });
    c.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'b', labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } });
    c.runFor('20s');
    c.delete('/api/v1/namespaces/default/pods/b');
    c.runFor('3s');
    c.delete('/api/v1/namespaces/default/pods/a');
    c.runFor('100ms');
    c.runFor('3s');
    c.delete('/api/v1/namespaces/default/services/web');
    c.runFor('3s');
    const kinds = new Set<string>();
    for (const s of c.spans) {
      if (!/^(endpointSliceSync|endpointsSync|proxySync)/.test(s.kind)) continue;
      kinds.add(s.kind);
      expect(render(s), s.kind).toBe(s.summary);
    }
    expect([...kinds].sort()).toEqual(['endpointSliceSync', 'endpointsSync', 'proxySync', 'proxySyncNone', 'proxySyncRemoved', 'proxySyncTerminating']);
  });
});

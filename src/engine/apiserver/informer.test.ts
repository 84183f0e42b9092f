import { describe, expect, it } from 'vitest';
import { Clock } from '../clock/clock.ts';
import { createRng } from '../rand/rand.ts';
import { Tracer } from '../trace/tracer.ts';
import type { Span } from '../trace/span.ts';
import type { KubeObject } from '../types.ts';
import type { WatchEvent } from './types.ts';
import { ApiServer } from './server.ts';
import { bootstrapObjects } from './bootstrap.ts';
import { createInformer } from './informer.ts';

function setup() {
  const clock = new Clock();
  const tracer = new Tracer(() => clock.now());
  const server = new ApiServer({ now: () => clock.now(), nowMs: () => clock.now(), rng: createRng(1).fork('apiserver'), tracer });
  for (const { path, body } of bootstrapObjects()) server.handle({ verb: 'POST', path, body, from: 'apiserver', quiet: true });
  const spans: Span[] = [];
  tracer.subscribe((s) => spans.push(s));
  const informer = createInformer({ server, clock, rng: createRng(1), tracer, stage: 'controller-manager' }, '/api/v1/namespaces');
  const create = (name: string) =>
    server.handle({ verb: 'POST', path: '/api/v1/namespaces', body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } }, from: 'kubectl' });
  return { clock, spans, informer, create };
}

describe('shared informer', () => {
  it('records one watch hop per change and gives its span only to the handlers whose filter wants it', () => {
    const { clock, spans, informer, create } = setup();
    const seen: { who: string; spanId?: number }[] = [];
    const handler = (who: string) => ({ add: (o: KubeObject, ev: WatchEvent<KubeObject>) => {
        if (o.metadata.name === 'a') seen.push({ who, spanId: ev.spanId });
      }, });
    informer.addEventHandler(handler('replicaset'), () => true);
    informer.addEventHandler(handler('deployment'), () => false);
    informer.addEventHandler(handler('garbagecollector'), () => true);
    create('a');
    clock.runFor(10);
    const hops = spans.filter((s) => s.kind === 'watchNamespaceAdded');
    expect(hops).toHaveLength(1);
    expect(seen).toEqual([
      { who: 'replicaset', spanId: hops[0]!.id },
      { who: 'deployment', spanId: undefined },
      { who: 'garbagecollector', spanId: hops[0]!.id },
    ]);
    expect(informer.get('a')?.metadata.name).toBe('a');
  });

  it('records no hop when no handler wants it, but still delivers the change to every handler', () => {
    const { clock, spans, informer, create } = setup();
    let delivered = 0;
    informer.addEventHandler({ add: (o) => void (o.metadata.name === 'b' && delivered++) }, () => false);
    informer.addEventHandler({ add: (o) => void (o.metadata.name === 'b' && delivered++) }, () => false);
    create('b');
    clock.runFor(10);
    expect(spans.filter((s) => s.kind.startsWith('watch'))).toHaveLength(0);
    expect(delivered).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import type { Span } from '../../protocol/types.ts';
import pipeline from '../../i18n/en/pipeline.ts';
import { narrate, objectWords, sentenceWords } from './narrate.ts';

const i18n = i18next.createInstance();
await i18n.init({ lng: 'en', resources: { en: { pipeline } }, ns: ['pipeline'], interpolation: { escapeValue: false } });

const span = (kind: string, args: Record<string, string | number>, summary = 'fallback'): Span => ({
  id: 1, at: 0, duration: 0, from: 'apiserver', to: 'scheduler', verb: 'ADDED', kind, args, summary,
});

describe('narrate', () => {
  it('renders the template with the span args, unescaped', () => {
    expect(narrate(i18n, span('watchPodUnscheduled', { namespace: 'default', pod: 'web' }))).toBe(
      'The scheduler sees pod default/web, which has no node yet.',
    );
  });
  it('falls back to the summary for a kind without a template', () => {
    expect(narrate(i18n, span('somethingNew', {}, 'Something new happened.'))).toBe('Something new happened.');
  });
  it('falls back to the summary when an argument is missing', () => {
    expect(narrate(i18n, span('watchPodUnscheduled', { pod: 'web' }, 'The scheduler sees pod default/web.'))).toBe(
      'The scheduler sees pod default/web.',
    );
  });
});

describe('narration templates', () => {
  it('formats the registry size with digit grouping', () => {
    const s = { ...span('registryServe', { image: 'docker.io/library/nginx:1.27', node: 'worker-2', bytes: 73295872 }), from: 'registry' as const, to: 'runtime' as const };
    expect(narrate(i18n, s)).toBe('The registry sends docker.io/library/nginx:1.27 (73,295,872 bytes) to worker-2.');
  });
  it('falls back to the summary for API hops without an object', () => {
    const s = span('apiCreate', { from: 'controller-manager', verb: 'POST', path: '/api/v1/namespaces/default/pods' }, 'summary');
    expect(narrate(i18n, s)).toBe('summary');
  });
});

describe('object references in narration', () => {
  it('says `pod default/web`, not `Pod/default/web`', () => {
    const s = span('apiCreate', { who: 'kubectl', object: 'Pod/default/web' });
    expect(narrate(i18n, s)).toBe('kubectl asked the API server to create pod default/web.');
  });
  it('names cluster-scoped objects by kind and name', () => {
    expect(objectWords('Node/worker-1')).toBe('node worker-1');
    expect(objectWords('/api/v1/pods')).toBe('/api/v1/pods');
  });
});

describe('references in English summaries', () => {
  it('rewrites Kind/ns/name inside a sentence, keeping the final period', () => {
    expect(sentenceWords('The API server told the scheduler that Pod/default/too-big was modified.')).toBe(
      'The API server told the scheduler that pod default/too-big was modified.',
    );
    expect(sentenceWords('Deleted Pod/default/web.')).toBe('Deleted pod default/web.');
    expect(sentenceWords('GET /api/v1/nodes')).toBe('GET /api/v1/nodes');
  });
});

describe('control-loop narration', () => {
  const cm = (kind: string, args: Record<string, string | number>, summary = 'fallback'): Span => ({
    id: 2, at: 0, duration: 0, from: 'controller-manager', to: 'controller-manager', verb: 'syncReplicaSet', kind, args, summary,
  });
  it('replicaSetSync says creating or deleting, with |diff|', () => {
    expect(narrate(i18n, cm('replicaSetSync', { rs: 'web-7d4b9', have: 2, want: 3, diff: -1 }))).toBe(
      'ReplicaSet web-7d4b9 wants 3 pods and has 2: it asks the API server to create 1 more.',
    );
    expect(narrate(i18n, cm('replicaSetSync', { rs: 'web-7d4b9', have: 5, want: 3, diff: 2 }))).toBe(
      'ReplicaSet web-7d4b9 wants 3 pods and has 5: it deletes 2, the least established first.',
    );
  });
  it('deploymentScale names the reason, with the availability bound', () => {
    const args = { deployment: 'web', namespace: 'default', rs: 'web-5f6c7', from: 4, to: 3, replicas: 4, maxSurge: 1, maxUnavailable: 1 };
    expect(narrate(i18n, cm('deploymentScale', { ...args, reason: 'rollingUpdateOld' }))).toBe(
      'Deployment web rolls out: old ReplicaSet web-5f6c7 4 → 3 (at least 3 of 4 stay available).',
    );
    expect(narrate(i18n, cm('deploymentScale', { ...args, to: 0, reason: 'recreate' }))).toBe(
      'Deployment web (Recreate): old ReplicaSet web-5f6c7 4 → 0 before any new pod starts.',
    );
    expect(narrate(i18n, cm('deploymentScale', { ...args, reason: 'somethingElse' }, 'Summary.'))).toBe('Summary.');
  });
});

describe('node lifecycle narration', () => {
  it('names the killed container and its exit code', () => {
    const s = span('containerKilled', { pod: 'web-7d4b9-x2k4p', node: 'worker-1', container: 'nginx', exitCode: 137, reason: 'Error' });
    expect(narrate(i18n, s)).toBe('The process of container nginx in pod web-7d4b9-x2k4p was killed: exit code 137 (Error).');
  });
  it('says which controller a watch event reaches', () => {
    const s = span('watchReplicaSetModified', { to: 'controller-manager', object: 'ReplicaSet/default/web-7d4b9', type: 'MODIFIED' });
    expect(narrate(i18n, s)).toBe('The API server tells the controller-manager that replicaset default/web-7d4b9 changed.');
  });
});

describe('garbage collector narration', () => {
  it('says why a dependent is deleted, owners as words', () => {
    const s = span('gcDeleteDependent', { object: 'Pod/default/web-1', owner: 'ReplicaSet/web-7d4b9', ownerState: 'gone', policy: 'Background' });
    expect(narrate(i18n, s)).toBe('The garbage collector deletes pod default/web-1: its owner ReplicaSet web-7d4b9 is gone.');
  });
  it('uses plural templates by count', () => {
    expect(narrate(i18n, span('gcOrphanDependents', { object: 'ReplicaSet/default/web-7d4b9', count: 1 }))).toBe(
      'The garbage collector orphans the 1 dependent of replicaset default/web-7d4b9: it removes their ownerReferences to it.',
    );
    expect(narrate(i18n, span('gcOrphanDependents', { object: 'ReplicaSet/default/web-7d4b9', count: 3 }))).toContain('the 3 dependents of');
  });
});

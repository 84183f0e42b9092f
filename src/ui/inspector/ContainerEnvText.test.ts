import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import config from '../../i18n/en/config.ts';
import pipeline from '../../i18n/en/pipeline.ts';
import { narrate } from '../pipeline/narrate.ts';
import type { Span } from '../../protocol/types.ts';
import { decodeSecret, sourceText } from './ContainerEnvText.ts';

const i18n = i18next.createInstance();
await i18n.init({ lng: 'en', resources: { en: { config, pipeline } }, ns: ['config', 'pipeline'], interpolation: { escapeValue: false } });
const t = i18n.getFixedT('en', 'config');

describe('sourceText', () => {
  it.each([
    [{ type: 'literal' }, false, 'literal'],
    [{ type: 'configMap', name: 'app-config', key: 'LOG_LEVEL', via: 'env' }, false, 'from ConfigMap app-config (key LOG_LEVEL)'],
    [{ type: 'secret', name: 'db', key: 'password', via: 'env' }, false, 'from Secret db (key password)'],
    [{ type: 'secret', name: 'db', key: 'user', via: 'envFrom' }, false, 'from Secret db (envFrom, key user)'],
    [{ type: 'configMap', name: 'app-config', key: 'app.properties', via: 'volume' }, true, 'ConfigMap app-config (key app.properties)'],
    [{ type: 'fieldRef', fieldPath: 'metadata.name' }, false, 'field metadata.name'],
    [{ type: 'resourceFieldRef', resource: 'limits.memory' }, false, 'resource limits.memory'],
    [{ type: 'serviceLink', service: 'web' }, false, 'service link web'],
    [{ type: 'runtime' }, false, 'container runtime'],
    [{ type: 'serviceAccount' }, true, 'service-account token (projected)'],
  ] as const)('%j', (s, file, want) => expect(sourceText(t as never, s, file)).toBe(want));
});

describe('decodeSecret', () => {
  it('decodes UTF-8 text and flags binary', () => {
    expect(decodeSecret(btoa('s3cret'))).toEqual({ text: 's3cret', binary: false, bytes: 6 });
    expect(decodeSecret('AAEC')).toMatchObject({ binary: true, bytes: 3 });
  });
});

describe('config narration', () => {
  // Args and summaries as the kubelet records them (asserted in src/engine/node/containerView.test.ts).
  const span = (kind: string, args: Record<string, string>, summary: string): Span => ({ id: 1, at: 0, duration: 0, from: 'kubelet', to: 'apiserver', verb: 'GET', kind, args, summary });
  it.each([
    span('kubeletFetchConfig', { node: 'worker-1', pod: 'web', kind: 'Secret', name: 'db', namespace: 'default', container: 'web' },
      "The kubelet on worker-1 reads Secret db to build container web's environment."),
    span('kubeletFetchVolume', { node: 'worker-1', pod: 'web', kind: 'ConfigMap', name: 'app-config', namespace: 'default', volume: 'cfg' },
      'The kubelet on worker-1 reads ConfigMap app-config to fill volume cfg of pod web.'),
    span('kubeletSyncConfig', { node: 'worker-1', pod: 'web', kind: 'ConfigMap', name: 'app-config', volume: 'cfg' },
      'The kubelet on worker-1 re-reads ConfigMap app-config in its periodic sync and rewrites the files of volume cfg in pod web (environment variables stay as they were).'),
  ])('$kind: the English template says what the summary says', (s) => expect(narrate(i18n, s)).toBe(s.summary));
});

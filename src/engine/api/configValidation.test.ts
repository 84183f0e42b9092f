import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/testCluster.ts';
import type { Status } from '../apiserver/types.ts';
import { decodeBase64, encodeBase64, isConfigMapKey } from './configValidation.ts';

const CMS = '/api/v1/namespaces/default/configmaps';
const SECRETS = '/api/v1/namespaces/default/secrets';
const msg = (r: { body: unknown }) => (r.body as Status).message;
const KEY_MSG =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

const cm = (name: string, extra: Record<string, unknown> = {}) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, ...extra });
const secret = (name: string, extra: Record<string, unknown> = {}) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name }, ...extra });

describe('base64 as Go encoding/base64 StdEncoding', () => {
  it('decodes valid input, skipping newlines', () => {
    const r = decodeBase64('aGVs\nbG8=');
    expect('bytes' in r && new TextDecoder().decode(r.bytes)).toBe('hello');
    expect(encodeBase64('hello')).toBe('aGVsbG8=');
    expect(encodeBase64('héllo')).toBe('aMOpbGxv');
  });
  it('reports the CorruptInputError offset Go reports', () => {
    expect(decodeBase64('abc')).toEqual({ corruptAt: 0 });
    expect(decodeBase64('abcde')).toEqual({ corruptAt: 4 });
    expect(decodeBase64('ab!d')).toEqual({ corruptAt: 2 });
    expect(decodeBase64('a===')).toEqual({ corruptAt: 1 });
    expect(decodeBase64('ab=c')).toEqual({ corruptAt: 2 });
    expect(decodeBase64('ab==x')).toEqual({ corruptAt: 4 });
    expect(decodeBase64('ab=')).toEqual({ corruptAt: 3 });
  });
});

describe('IsConfigMapKey', () => {
  it('accepts and rejects like apimachinery', () => {
    expect(isConfigMapKey('key.name')).toEqual([]);
    expect(isConfigMapKey('a/b')).toEqual([KEY_MSG]);
    expect(isConfigMapKey('..a')).toEqual(["must not start with '..'"]);
    expect(isConfigMapKey('.')).toEqual(["must not be '.'"]);
    expect(isConfigMapKey('x'.repeat(254))).toEqual(['must be no more than 253 characters']);
  });
});

describe('configmaps served by the API server', () => {
  it('create, get, update, patch, delete; no generation', () => {
    const c = new TestCluster({ workers: 1 });
    expect(c.apply(cm('app', { data: { MODE: 'dev' } }))[0]!.code).toBe(201);
    const got = c.get(`${CMS}/app`).body as any;
    expect(got.data).toEqual({ MODE: 'dev' });
    expect(got.metadata.generation).toBeUndefined();
    const put = c.cluster.handle({ verb: 'PUT', path: `${CMS}/app`, body: { ...got, data: { MODE: 'prod' } } });
    expect(put.code).toBe(200);
    const p = c.cluster.handle({ verb: 'PATCH', path: `${CMS}/app`, body: { data: { X: '1' } }, patchType: 'application/merge-patch+json' });
    expect((p.body as any).data).toEqual({ MODE: 'prod', X: '1' });
    expect(c.get(CMS).body).toMatchObject({ kind: 'ConfigMapList', items: [{ metadata: { name: 'app' } }] });
    expect(c.delete(`${CMS}/app`).code).toBe(200);
    expect(c.get(`${CMS}/app`).code).toBe(404);
  });

  it('rejects bad keys, duplicates across data/binaryData, over 1 MiB', () => {
    const c = new TestCluster({ workers: 1 });
    const [bad] = c.apply(cm('x', { data: { 'a/b': 'v' }, binaryData: { k: 'AA==' } }));
    expect(bad!.code).toBe(422);
    expect(msg(bad!)).toBe(`ConfigMap "x" is invalid: data[a/b]: Invalid value: "a/b": ${KEY_MSG}`);
    const [dup] = c.apply(cm('x', { data: { k: 'v' }, binaryData: { k: 'AA==' } }));
    expect(msg(dup!)).toBe('ConfigMap "x" is invalid: data[k]: Invalid value: "k": duplicate of key present in binaryData');
    const [big] = c.apply(cm('x', { data: { a: 'x'.repeat(1024 * 1024), b: 'y' } }));
    expect(msg(big!)).toBe('ConfigMap "x" is invalid: []: Too long: must have at most 1048576 bytes');
    const [b64] = c.apply(cm('x', { binaryData: { k: 'abc' } }));
    expect(b64!.code).toBe(400);
    expect(msg(b64!)).toBe('ConfigMap in version "v1" cannot be handled as a ConfigMap: illegal base64 data at input byte 0');
  });

  it('strict decoding knows the ConfigMap fields and their types', () => {
    const c = new TestCluster({ workers: 1 });
    const unknown = c.cluster.handle({ verb: 'POST', path: CMS, body: cm('u', { datas: { a: '1' } }) });
    expect(msg(unknown)).toBe('ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "datas"');
    const num = c.cluster.handle({ verb: 'POST', path: CMS, body: cm('u', { data: { a: 1 } }) });
    expect(num.code).toBe(400);
  });

  it('immutable forbids data changes and cannot be unset; metadata may change', () => {
    const c = new TestCluster({ workers: 1 });
    c.apply(cm('im', { data: { a: '1' }, immutable: true }));
    const patch = (body: unknown) => c.cluster.handle({ verb: 'PATCH', path: `${CMS}/im`, body, patchType: 'application/merge-patch+json' });
    expect(msg(patch({ data: { a: '2' } }))).toBe('ConfigMap "im" is invalid: data: Forbidden: field is immutable when `immutable` is set');
    expect(msg(patch({ immutable: false }))).toBe('ConfigMap "im" is invalid: immutable: Forbidden: field is immutable when `immutable` is set');
    expect(patch({ metadata: { labels: { a: 'b' } } }).code).toBe(200);
  });
});

describe('secrets served by the API server', () => {
  it('defaults type Opaque, merges stringData into data as base64 and never stores it', () => {
    const c = new TestCluster({ workers: 1 });
    expect(c.apply(secret('db', { data: { user: 'YWRtaW4=' }, stringData: { password: 's3cr3t', user: 'root' } }))[0]!.code).toBe(201);
    const s = c.get(`${SECRETS}/db`).body as any;
    expect(s.type).toBe('Opaque');
    expect(s.data).toEqual({ user: 'cm9vdA==', password: 'czNjcjN0' });
    expect(s.stringData).toBeUndefined();
    expect(s.metadata.generation).toBeUndefined();
    const byType = c.get('/api/v1/namespaces/default/secrets?fieldSelector=type%3DOpaque');
    expect(byType.code).toBe(200);
  });

  it('answers invalid base64 with the decode error (400)', () => {
    const c = new TestCluster({ workers: 1 });
    const [r] = c.apply(secret('bad', { data: { k: 'not base64!' } }));
    expect(r!.code).toBe(400);
    expect(msg(r!)).toBe('Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 3');
  });

  it('validates size, keys and the keys each type requires', () => {
    const c = new TestCluster({ workers: 1 });
    const m = (extra: Record<string, unknown>) => msg(c.apply(secret('s', extra))[0]!);
    expect(m({ stringData: { big: 'x'.repeat(1024 * 1024 + 1) } })).toBe('Secret "s" is invalid: data: Too long: must have at most 1048576 bytes');
    expect(m({ stringData: { 'a b': 'x' } })).toBe(`Secret "s" is invalid: data[a b]: Invalid value: "a b": ${KEY_MSG}`);
    expect(m({ type: 'kubernetes.io/tls', stringData: { 'tls.crt': 'c' } })).toBe('Secret "s" is invalid: data[tls.key]: Required value');
    expect(m({ type: 'kubernetes.io/tls' })).toBe('Secret "s" is invalid: [data[tls.crt]: Required value, data[tls.key]: Required value]');
    expect(m({ type: 'kubernetes.io/dockerconfigjson' })).toBe('Secret "s" is invalid: data[.dockerconfigjson]: Required value');
    expect(m({ type: 'kubernetes.io/dockerconfigjson', stringData: { '.dockerconfigjson': 'nope' } })).toBe(
      `Secret "s" is invalid: data[.dockerconfigjson]: Invalid value: "<secret contents redacted>": invalid character 'n' looking for beginning of value`,
    );
    expect(m({ type: 'kubernetes.io/basic-auth' })).toBe('Secret "s" is invalid: [data[username]: Required value, data[password]: Required value]');
    expect(m({ type: 'kubernetes.io/ssh-auth' })).toBe('Secret "s" is invalid: data[ssh-privatekey]: Required value');
    expect(m({ type: 'kubernetes.io/service-account-token' })).toBe(
      'Secret "s" is invalid: metadata.annotations[kubernetes.io/service-account.name]: Required value',
    );
    expect(c.apply(secret('ok', { type: 'kubernetes.io/basic-auth', stringData: { username: 'u' } }))[0]!.code).toBe(201);
  });

  it('type is immutable; immutable secrets keep their data', () => {
    const c = new TestCluster({ workers: 1 });
    c.apply(secret('s', { stringData: { a: '1' }, immutable: true }));
    const patch = (body: unknown) => c.cluster.handle({ verb: 'PATCH', path: `${SECRETS}/s`, body, patchType: 'application/merge-patch+json' });
    expect(msg(patch({ type: 'kubernetes.io/tls', stringData: { 'tls.crt': 'c', 'tls.key': 'k' } }))).toBe(
      'Secret "s" is invalid: [type: Invalid value: "kubernetes.io/tls": field is immutable, data: Forbidden: field is immutable when `immutable` is set]',
    );
    expect(msg(patch({ stringData: { a: '2' } }))).toBe('Secret "s" is invalid: data: Forbidden: field is immutable when `immutable` is set');
    expect(msg(patch({ immutable: null }))).toBe('Secret "s" is invalid: immutable: Forbidden: field is immutable when `immutable` is set');
    expect(patch({ stringData: { a: '1' } }).code).toBe(200);
  });
});

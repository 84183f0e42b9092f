/**
 * core/v1 ConfigMap and Secret: decoding of their byte fields, defaulting and validation.
 * Mirrors k/k pkg/apis/core/validation/validation.go (ValidateConfigMap, ValidateConfigMapUpdate,
 * ValidateSecret, ValidateSecretUpdate), pkg/apis/core/v1/defaults.go (SetDefaults_Secret),
 * pkg/apis/core/v1/conversion.go (Convert_v1_Secret_To_core_Secret: stringData → data),
 * apimachinery pkg/util/validation/validation.go (IsConfigMapKey) and Go's encoding/base64
 * (StdEncoding.Decode, whose errors the API server returns for a bad `data` value).
 */
import { forbidden, invalid, required, type FieldError } from './field.ts';
import { maxLenError, regexError } from './names.ts';
import { deepEqual } from './equal.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** core.MaxSecretSize: also the ConfigMap limit. */
export const MAX_SECRET_SIZE = 1024 * 1024;
export const IMMUTABLE_MSG = 'field is immutable when `immutable` is set';

const CONFIG_KEY_RE = /^[-._a-zA-Z0-9]+$/;

/** validation.IsConfigMapKey. */
export function isConfigMapKey(key: string): string[] {
  const errs: string[] = [];
  if (key.length > 253) errs.push(maxLenError(253));
  if (!CONFIG_KEY_RE.test(key)) {
    errs.push(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", '[-._a-zA-Z0-9]+', 'key.name', 'KEY_NAME', 'key-name'));
  }
  if (key === '.') errs.push("must not be '.'");
  else if (key === '..') errs.push("must not be '..'");
  else if (key.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Map<string, number>([...B64].map((c, i) => [c, i]));
const isNL = (c: string | undefined) => c === '\n' || c === '\r';

/**
 * base64.StdEncoding.Decode: the bytes, or the CorruptInputError offset Go reports
 * (`illegal base64 data at input byte N`). Newlines are skipped, padding is required.
 */
export function decodeBase64(s: string): { bytes: Uint8Array } | { corruptAt: number } {
  const out: number[] = [];
  let si = 0;
  while (si < s.length) {
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    let end = false;
    for (let j = 0; j < 4; j++) {
      if (si === s.length) {
        if (j === 0) return { bytes: Uint8Array.from(out) };
        return { corruptAt: si - j };
      }
      const c = s[si]!;
      si++;
      const v = DECODE.get(c);
      if (v !== undefined) {
        dbuf[j] = v;
        continue;
      }
      if (isNL(c)) {
        j--;
        continue;
      }
      if (c !== '=' || j < 2) return { corruptAt: si - 1 };
      if (j === 2) {
        while (si < s.length && isNL(s[si])) si++;
        if (si === s.length) return { corruptAt: s.length };
        if (s[si] !== '=') return { corruptAt: si - 1 };
        si++;
      }
      while (si < s.length && isNL(s[si])) si++;
      if (si < s.length) return { corruptAt: si };
      dlen = j;
      end = true;
      break;
    }
    const n = (dbuf[0]! << 18) | (dbuf[1]! << 12) | (dbuf[2]! << 6) | dbuf[3]!;
    const bytes = [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
    out.push(...bytes.slice(0, dlen - 1));
    if (end) break;
  }
  return { bytes: Uint8Array.from(out) };
}

/** base64.StdEncoding.EncodeToString of UTF-8 text (how []byte fields serialize). */
export function encodeBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

const utf8Len = (s: string) => new TextEncoder().encode(s).length;
const typeName = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** A `map[string][]byte` field: every value must be a string of valid base64. */
function checkBytesMap(kind: string, field: string, m: unknown): string | undefined {
  if (m === undefined || m === null) return undefined;
  if (!isObj(m)) return `json: cannot unmarshal ${typeName(m)} into Go struct field ${kind}.${field} of type map[string][]uint8`;
  for (const v of Object.values(m)) {
    if (v === null) continue;
    if (typeof v !== 'string') return `json: cannot unmarshal ${typeName(v)} into Go struct field ${kind}.${field} of type []uint8`;
    const r = decodeBase64(v);
    if ('corruptAt' in r) return `illegal base64 data at input byte ${r.corruptAt}`;
  }
  return undefined;
}

/**
 * What the codec does to a ConfigMap or Secret body before validation: check the base64 of the
 * byte maps (the decode error is returned for a 400), merge Secret `stringData` into `data`
 * (it is never stored) and default the Secret `type`. Replaces maps, never mutates them (PATCH
 * hands over objects that share subtrees with the stored one).
 * @returns the decode error text, or undefined
 */
export function decodeConfigObject(kind: string, obj: Obj): string | undefined {
  if (kind === 'ConfigMap') return checkBytesMap(kind, 'binaryData', obj.binaryData);
  if (kind !== 'Secret') return undefined;
  const err = checkBytesMap(kind, 'data', obj.data);
  if (err) return err;
  if (isObj(obj.stringData)) {
    const data: Obj = isObj(obj.data) ? { ...obj.data } : {};
    // A null is what a merge patch leaves when it removes a key: nothing to merge.
    for (const [k, v] of Object.entries(obj.stringData)) if (v !== null && v !== undefined) data[k] = encodeBase64(String(v));
    if (Object.keys(data).length) obj.data = data;
  }
  if ('stringData' in obj) delete obj.stringData;
  if (obj.type === undefined || obj.type === '') obj.type = 'Opaque';
  return undefined;
}

const byteLen = (b64: unknown) => {
  const r = typeof b64 === 'string' ? decodeBase64(b64) : undefined;
  return r && 'bytes' in r ? r.bytes.length : 0;
};
const decodeText = (b64: unknown) => {
  const r = typeof b64 === 'string' ? decodeBase64(b64) : undefined;
  return r && 'bytes' in r ? new TextDecoder().decode(r.bytes) : '';
};
const tooLongBytes = (field: string): FieldError => ({ type: 'FieldValueTooLong', field, value: undefined, detail: `must have at most ${MAX_SECRET_SIZE} bytes` });

/** ValidateConfigMap (metadata is validated by the generic strategy). */
export function validateConfigMap(cm: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const data = isObj(cm.data) ? cm.data : {};
  const binary = isObj(cm.binaryData) ? cm.binaryData : {};
  let total = 0;
  for (const [k, v] of Object.entries(data)) {
    for (const m of isConfigMapKey(k)) errs.push(invalid(`data[${k}]`, k, m));
    if (k in binary) errs.push(invalid(`data[${k}]`, k, 'duplicate of key present in binaryData'));
    total += utf8Len(typeof v === 'string' ? v : '');
  }
  for (const [k, v] of Object.entries(binary)) {
    for (const m of isConfigMapKey(k)) errs.push(invalid(`binaryData[${k}]`, k, m));
    total += byteLen(v);
  }
  // The whole object is at fault: field.NewPath("") prints as `[]`.
  if (total > MAX_SECRET_SIZE) errs.push(tooLongBytes('[]'));
  return errs;
}

/** ValidateConfigMapUpdate. */
export function validateConfigMapUpdate(cm: Obj, old: Obj): FieldError[] {
  const errs: FieldError[] = [];
  if (old.immutable === true) {
    if (cm.immutable !== true) errs.push(forbidden('immutable', IMMUTABLE_MSG));
    if (!deepEqual(cm.data ?? null, old.data ?? null)) errs.push(forbidden('data', IMMUTABLE_MSG));
    if (!deepEqual(cm.binaryData ?? null, old.binaryData ?? null)) errs.push(forbidden('binaryData', IMMUTABLE_MSG));
  }
  errs.push(...validateConfigMap(cm));
  return errs;
}

/** json.Unmarshal's error for text that is not a JSON object (the common cases). */
function jsonError(text: string): string | undefined {
  try {
    const v: unknown = JSON.parse(text);
    if (isObj(v)) return undefined;
    return `json: cannot unmarshal ${typeName(v) === 'string' ? 'string' : typeName(v)} into Go value of type map[string]interface {}`;
  } catch {
    const c = text.trim()[0];
    return c === undefined ? 'unexpected end of JSON input' : `invalid character '${c}' looking for beginning of value`;
  }
}

/** ValidateSecret (metadata is validated by the generic strategy). */
export function validateSecret(s: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const data = isObj(s.data) ? s.data : {};
  let total = 0;
  for (const [k, v] of Object.entries(data)) {
    for (const m of isConfigMapKey(k)) errs.push(invalid(`data[${k}]`, k, m));
    total += byteLen(v);
  }
  if (total > MAX_SECRET_SIZE) errs.push(tooLongBytes('data'));
  const has = (k: string) => k in data;
  const annotations = isObj(s.metadata) && isObj(s.metadata.annotations) ? s.metadata.annotations : {};
  switch (s.type) {
    case 'kubernetes.io/service-account-token':
      if (!annotations['kubernetes.io/service-account.name']) errs.push(required('metadata.annotations[kubernetes.io/service-account.name]'));
      break;
    case 'kubernetes.io/dockercfg':
    case 'kubernetes.io/dockerconfigjson': {
      const key = s.type === 'kubernetes.io/dockercfg' ? '.dockercfg' : '.dockerconfigjson';
      if (!has(key)) {
        errs.push(required(`data[${key}]`));
        break;
      }
      const e = jsonError(decodeText(data[key]));
      if (e) errs.push(invalid(`data[${key}]`, '<secret contents redacted>', e));
      break;
    }
    case 'kubernetes.io/basic-auth':
      if (!has('username') && !has('password')) errs.push(required('data[username]'), required('data[password]'));
      break;
    case 'kubernetes.io/ssh-auth':
      if (byteLen(data['ssh-privatekey']) === 0) errs.push(required('data[ssh-privatekey]'));
      break;
    case 'kubernetes.io/tls':
      if (!has('tls.crt')) errs.push(required('data[tls.crt]'));
      if (!has('tls.key')) errs.push(required('data[tls.key]'));
      break;
    default:
  }
  return errs;
}

/** ValidateSecretUpdate. */
export function validateSecretUpdate(s: Obj, old: Obj): FieldError[] {
  const errs: FieldError[] = [];
  if (s.type !== old.type) errs.push(invalid('type', s.type, 'field is immutable'));
  if (old.immutable === true) {
    if (s.immutable !== true) errs.push(forbidden('immutable', IMMUTABLE_MSG));
    if (!deepEqual(s.data ?? null, old.data ?? null)) errs.push(forbidden('data', IMMUTABLE_MSG));
  }
  errs.push(...validateSecret(s));
  return errs;
}

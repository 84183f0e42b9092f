/**
 * `kubectl describe configmap|secret`. Mirrors k8s.io/kubectl/pkg/describe/describe.go:
 * ConfigMapDescriber (values printed in full, binary values as sizes, then events) and
 * SecretDescriber (values never printed: sizes only, except a service-account token; no events).
 * Keys are printed sorted where Go ranges over a map in random order.
 */
import type { ConfigMap, Secret } from 'kubernetes-types/core/v1';
import type { Ctx } from './context.ts';
import { describeEvents, eventsFor, LAST_APPLIED, multiline, PrefixWriter } from './describeCommon.ts';
import { decodeBase64 } from '../engine/api/configValidation.ts';

const sorted = (m: Record<string, string> | undefined) => Object.entries(m ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const bytes = (b64: string) => {
  const r = decodeBase64(b64);
  return 'bytes' in r ? r.bytes : new Uint8Array();
};

function header(w: PrefixWriter, m: ConfigMap['metadata']): void {
  w.write(0, `Name:\t${m?.name ?? ''}\n`);
  w.write(0, `Namespace:\t${m?.namespace ?? ''}\n`);
  multiline(w, 'Labels', Object.entries(m?.labels ?? {}), '=');
  multiline(w, 'Annotations', Object.entries(m?.annotations ?? {}).filter(([k]) => k !== LAST_APPLIED), ': ');
}

/** ConfigMapDescriber. */
export function describeConfigMap(ctx: Ctx, cm: ConfigMap): string {
  const w = new PrefixWriter();
  const m = cm.metadata ?? {};
  header(w, m);
  w.write(0, '\nData\n====\n');
  for (const [k, v] of sorted(cm.data)) w.write(0, `${k}:\n----\n${v}\n\n`);
  w.write(0, '\nBinaryData\n====\n');
  for (const [k, v] of sorted(cm.binaryData)) w.write(0, `${k}: ${bytes(v).length} bytes\n`);
  w.write(0, '\n');
  describeEvents(w, eventsFor(ctx, 'ConfigMap', m.name ?? '', m.namespace, m.uid), ctx.io.nowMs());
  return w.toString();
}

/** SecretDescriber. */
export function describeSecret(s: Secret): string {
  const w = new PrefixWriter();
  header(w, s.metadata);
  w.write(0, `\nType:\t${s.type ?? ''}\n`);
  w.write(0, '\nData\n====\n');
  for (const [k, v] of sorted(s.data)) {
    const b = bytes(v);
    if (k === 'token' && s.type === 'kubernetes.io/service-account-token') w.write(0, `${k}:\t${new TextDecoder().decode(b)}\n`);
    else w.write(0, `${k}:\t${b.length} bytes\n`);
  }
  return w.toString();
}

/** Words for config values in the inspector: where an env var or file came from, and a Secret value decoded. */
import type { TFunction } from 'i18next';
import type { ValueSource } from '../../protocol/types.ts';

/** The source as a short phrase: `from ConfigMap app-config (key LOG_LEVEL)`, `literal`, `service link web`. */
export function sourceText(t: TFunction<'config'>, s: ValueSource, file = false): string {
  switch (s.type) {
    case 'configMap':
    case 'secret':
      return t(`env.src.${s.type}${file ? 'Volume' : s.via === 'envFrom' ? 'All' : ''}`, { name: s.name, key: s.key ?? '' });
    case 'fieldRef':
      return t('env.src.fieldRef', { path: s.fieldPath });
    case 'resourceFieldRef':
      return t('env.src.resourceFieldRef', { resource: s.resource });
    case 'serviceLink':
      return t('env.src.serviceLink', { service: s.service });
    default:
      return t(`env.src.${s.type}`);
  }
}

/** base64 → bytes → UTF-8 text; `binary` when the bytes are not printable text. */
export function decodeSecret(b64: string): { text: string; binary: boolean; bytes: number } {
  try {
    const bin = atob(b64);
    const bytes = Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    // eslint-disable-next-line no-control-regex
    return { text, binary: /[\x00-\x08\x0e-\x1f]/.test(text), bytes: bytes.length };
  } catch {
    return { text: '', binary: true, bytes: Math.floor((b64.length * 3) / 4) };
  }
}

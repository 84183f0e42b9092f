/** The narration sentence of a span, in the current language (falling back to its English `summary`). */
import type { i18n as I18n } from 'i18next';
import type { Span } from '../../protocol/types.ts';

const PLACEHOLDER = /{{\s*([\w.]+)\s*(?:,[^}]*)?}}/g;

/** The raw template for `narration.<kind>` in the active language or English; undefined if none. */
function template(i18n: I18n, kind: string): string | undefined {
  const key = `narration.${kind}`;
  for (const lng of [i18n.resolvedLanguage ?? i18n.language, 'en']) {
    // A plural template (`…_one` / `…_other`, chosen by `count`) has the same placeholders in every form.
    const raw: unknown = i18n.getResource(lng, 'pipeline', key) ?? i18n.getResource(lng, 'pipeline', `${key}_other`);
    if (typeof raw === 'string') return raw;
  }
  return undefined;
}

/**
 * An object reference as a sentence says it: `Pod/default/web` → `pod default/web`,
 * `Node/worker-1` → `node worker-1` (kind as kubectl's resource word, then namespace/name).
 */
export function objectWords(ref: string): string {
  const m = /^([A-Z][A-Za-z]*)\/(.+)$/.exec(ref);
  return m ? `${m[1]!.toLowerCase()} ${m[2]}` : ref;
}

/** `Kind/ns/name` references inside a whole sentence (the engine's English summaries). */
const REF_IN_TEXT = /\b([A-Z][A-Za-z]*)\/([a-z0-9][a-z0-9.-]*(?:\/[a-z0-9][a-z0-9.-]*)?)/g;

/** objectWords for every reference in `text`; a sentence's final period stays outside the name. */
export function sentenceWords(text: string): string {
  return text.replace(REF_IN_TEXT, (_all, kind: string, rest: string) => {
    const dot = rest.endsWith('.') ? '.' : '';
    return `${kind.toLowerCase()} ${dot ? rest.slice(0, -1) : rest}${dot}`;
  });
}

/** Upper-case first letter: `rollingUpdate` → `RollingUpdate`, for a template key suffix. */
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Kinds whose sentence depends on an argument pick a template variant, with derived values:
 * `replicaSetSync` says creating or deleting (`n` = |diff|, capped as the controller's
 * burstReplicas caps it); `deploymentScale` says why, per `reason`.
 */
export function narrationKey(span: Span): { key: string; args: Record<string, string | number> } {
  const a = span.args;
  if (span.kind === 'replicaSetSync' && typeof a.diff === 'number') {
    return { key: a.diff < 0 ? 'replicaSetSyncCreate' : 'replicaSetSyncDelete', args: { ...a, n: Math.min(Math.abs(a.diff), 500) } };
  }
  if (span.kind === 'deploymentScale' && typeof a.reason === 'string') {
    const reason = a.reason === 'recreate' ? (a.to === 0 ? 'recreateDown' : 'recreateUp') : a.reason === 'newReplicaSetDown' ? 'scale' : a.reason;
    return { key: `deploymentScale${cap(reason)}`, args: typeof a.replicas === 'number' && typeof a.maxUnavailable === 'number' ? { ...a, keep: a.replicas - a.maxUnavailable } : a };
  }
  if (span.kind.startsWith('gc')) {
    // `ReplicaSet/web-7d4b9` → `ReplicaSet web-7d4b9` (owner names read as words in a sentence).
    const words = (v: string | number | undefined) => (typeof v === 'string' ? v.replace(/\//g, ' ') : v);
    const args = { ...a, ...(a.owner !== undefined ? { owner: words(a.owner)! } : {}), ...(a.owners !== undefined ? { owners: words(a.owners)! } : {}) };
    if (span.kind === 'gcDeleteDependent') return { key: a.ownerState === 'deletingDependents' ? 'gcDeleteDependentForeground' : 'gcDeleteDependentGone', args };
    return { key: span.kind, args };
  }
  return { key: span.kind, args: a };
}

/**
 * `t('pipeline:narration.<kind>', {...args, defaultValue: summary})`, never HTML-escaped. When
 * the template needs an argument the span did not carry, the English summary is better than a
 * sentence with a hole in it.
 */
export function narrate(i18n: I18n, span: Span): string {
  const { key, args: spanArgs } = narrationKey(span);
  const raw = template(i18n, key);
  if (raw === undefined) return sentenceWords(span.summary);
  for (const m of raw.matchAll(PLACEHOLDER)) {
    const name = m[1]!;
    if (name !== 'count' && spanArgs[name] === undefined) return sentenceWords(span.summary);
  }
  const args = typeof spanArgs.object === 'string' ? { ...spanArgs, object: objectWords(spanArgs.object) } : spanArgs;
  return i18n.t(`pipeline:narration.${key}`, {
    ...args,
    defaultValue: span.summary,
    interpolation: { escapeValue: false },
  });
}

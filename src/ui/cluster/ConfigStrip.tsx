/**
 * ConfigMaps and Secrets in the cluster view, one compact chip each: its key count and how many
 * pods use it. Selecting one marks the pods that use it on the node cards (store/links.ts: env,
 * volume or both) and opens its keys in the inspector.
 */
import { memo, useMemo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/index.ts';
import { configSummaries, type ConfigSummary } from '../../store/links.ts';
import '../inspector/config.css';

const NONE = Object.freeze({});

const ConfigChip = memo(function ConfigChip({ cfg, t }: { cfg: ConfigSummary; t: TFunction<'config'> }) {
  const selected = useStore((s) => s.selection?.kind === cfg.kind && s.selection.key === cfg.key);
  const label = t(`strip.${cfg.kind}`, { name: cfg.name, keys: t('strip.keys', { count: cfg.keys }), pods: t('strip.pods', { count: cfg.pods }) });
  return (
    <button
      type="button"
      className={`cfg-chip cfg-${cfg.kind}`}
      data-testid="config-object"
      data-kind={cfg.kind === 'configmap' ? 'ConfigMap' : 'Secret'}
      data-name={cfg.name}
      data-namespace={cfg.namespace}
      data-keys={cfg.keys}
      data-pods={cfg.pods}
      aria-pressed={selected}
      aria-label={label}
      onClick={() => useStore.getState().select(selected ? undefined : { kind: cfg.kind, key: cfg.key })}
    >
      <span className="cfg-kind" aria-hidden="true">{cfg.kind === 'configmap' ? 'cm' : 'secret'}</span>
      <span className="cfg-name mono" aria-hidden="true">{cfg.namespace === 'default' ? cfg.name : `${cfg.namespace}/${cfg.name}`}</span>
      <span className="cfg-keys" aria-hidden="true">{t('strip.keys', { count: cfg.keys })}</span>
      <span className={`cfg-pods${cfg.pods ? ' in-use' : ''}`} aria-hidden="true" title={t('strip.podsHint')}>{t('strip.pods', { count: cfg.pods })}</span>
    </button>
  );
});

export function ConfigStrip() {
  const { t } = useTranslation('config');
  const pods = useStore((s) => s.byResource.pods ?? NONE);
  const configmaps = useStore((s) => s.byResource.configmaps ?? NONE);
  const secrets = useStore((s) => s.byResource.secrets ?? NONE);
  const items = useMemo(() => configSummaries({ pods, configmaps, secrets }), [pods, configmaps, secrets]);
  if (items.length === 0) return null;
  return (
    <div className="cfg-strip" role="region" aria-label={t('strip.label')} data-testid="config-strip">
      {items.map((c) => <ConfigChip key={c.key} cfg={c} t={t} />)}
    </div>
  );
}

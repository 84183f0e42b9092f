/**
 * A node's labels: the ones someone chose (zone, gpu, disk…) as badges; the standard ones every
 * kubelet sets (hostname, os, arch, role) only when expanded, so cards stay short.
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { standardLabel } from './nodeInfo.ts';

export const NodeLabels = memo(function NodeLabels({ name, labels }: { name: string; labels: Record<string, string> | undefined }) {
  const { t } = useTranslation('nodes');
  const all = Object.entries(labels ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const custom = all.filter(([k]) => !standardLabel(k));
  if (all.length === 0) return null;
  return (
    <div className="node-labels">
      {custom.length > 0 && (
        <ul className="label-list" aria-label={t('card.labelsTitle', { name })}>
          {custom.map(([k, v]) => <li key={k} className="badge badge-label" title={`${k}=${v}`}>{k}={v}</li>)}
        </ul>
      )}
      <details className="label-details">
        <summary>{custom.length > 0 ? t('card.labelsAll', { count: all.length }) : t('card.labels', { count: all.length })}</summary>
        <ul className="label-list all" aria-label={t('card.labelsTitle', { name })}>
          {all.map(([k, v]) => <li key={k} className="mono">{k}={v}</li>)}
        </ul>
      </details>
    </div>
  );
});

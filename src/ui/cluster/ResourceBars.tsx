/** Requested / allocatable bars for CPU, memory and pods (what `kubectl describe node` calls Allocated resources). */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { KubeObject } from '../../protocol/types.ts';
import { allocatableOf, formatBytes, formatCpu, percent } from './resources.ts';
import { useNodeRequested } from './useNodeUsage.ts';

export const ResourceBars = memo(function ResourceBars({ node }: { node: KubeObject }) {
  const { t } = useTranslation('nodes');
  const name = node.metadata.name;
  const used = useNodeRequested(name);
  const total = allocatableOf(node);
  const rows = [
    { id: 'cpu', label: t('card.cpu'), u: formatCpu(used.cpu), a: formatCpu(total.cpu), p: percent(used.cpu, total.cpu), short: `${percent(used.cpu, total.cpu)}%` },
    { id: 'memory', label: t('card.memory'), u: formatBytes(used.memory), a: formatBytes(total.memory), p: percent(used.memory, total.memory), short: `${percent(used.memory, total.memory)}%` },
    { id: 'pods', label: t('card.pods'), u: String(used.pods), a: String(total.pods), p: percent(used.pods, total.pods), short: String(used.pods) },
  ];
  return (
    <div className="res-bars" role="group" aria-label={t('card.resources', { name })}>
      {rows.map((r) => (
        <div
          key={r.id}
          className={`res-bar${r.p >= 90 ? ' full' : r.p >= 70 ? ' high' : ''}`}
          role="meter"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={r.p}
          aria-label={t('card.bar', { resource: r.label, used: r.u, total: r.a, percent: r.p })}
          title={t('card.bar', { resource: r.label, used: r.u, total: r.a, percent: r.p })}
          data-resource={r.id}
          data-percent={r.p}
        >
          <span className="res-fill" style={{ width: `${Math.min(100, r.p)}%` }} />
          <span className="res-label">{r.label}</span>
          {/* Percent on the card (it fits three across); the exact `used/allocatable` in the hint. */}
          <span className="res-value" data-used={r.u} data-total={r.a}>{r.short}</span>
        </div>
      ))}
    </div>
  );
});

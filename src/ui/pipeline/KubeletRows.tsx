/**
 * Inside the kubelet stage: one kubelet per node. Up to a handful of nodes, one row each; more,
 * a grid of chips; past KUBELET_NAMES_MAX, a count. The node an active hop touches lights up.
 */
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/index.ts';
import type { KubeObject } from '../../protocol/types.ts';
import { KUBELET_NAMES_MAX, kubeletColumns, type Geometry } from './layout.ts';
import { useActiveNodes } from './useHops.ts';
import { heartbeatAge, STALE_AFTER_S } from '../cluster/useNodeUsage.ts';

interface NodeCondition {
  type: string;
  status: string;
}

function isReady(node: KubeObject): boolean {
  const conditions = (node.status as { conditions?: NodeCondition[] } | undefined)?.conditions ?? [];
  return conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}

function KubeletRowsImpl({ geometry }: { geometry: Geometry }) {
  const { t } = useTranslation('pipeline');
  const tn = useTranslation('nodes').t;
  const total = useStore((s) => s.nodes.length);
  // `name`, `name!` (not Ready) or `name~` (Ready, but its heartbeats stopped: the first sign of a
  // failed machine); one string per node keeps the selector shallow-comparable.
  const rows = useStore(
    useShallow((s) =>
      s.nodes.slice(0, KUBELET_NAMES_MAX).map((n) => {
        const name = n.metadata.name;
        if (!isReady(n)) return `${name}!`;
        const age = heartbeatAge(s, name);
        return age !== undefined && age >= STALE_AFTER_S ? `${name}~` : name;
      }),
    ),
  );
  const active = new Set(useActiveNodes().split('\n'));
  const compact = total > geometry.rowsMax;

  if (total === 0) return <div className="kubelet-empty">{t('kubelet.none')}</div>;
  return (
    <ul
      className={compact ? 'kubelet-grid' : 'kubelet-rows'}
      style={compact ? { gridTemplateColumns: `repeat(${kubeletColumns(total, geometry)}, minmax(0, 1fr))` } : undefined}
      aria-label={t('kubelet.nodes', { count: total })}
    >
      {rows.map((row) => {
        const notReady = row.endsWith('!');
        const silent = row.endsWith('~');
        const name = notReady || silent ? row.slice(0, -1) : row;
        const on = active.has(name);
        return (
          <li
            key={name}
            className={`kubelet-node${on ? ' is-active' : ''}${notReady ? ' not-ready' : ''}${silent ? ' silent' : ''}`}
            data-node={name}
            data-active={on ? 'true' : 'false'}
          >
            <span className="kubelet-dot" aria-hidden="true" />
            <span className="kubelet-name">{name}</span>
            {notReady && !compact && <span className="kubelet-state">{t('kubelet.notReady')}</span>}
            {silent && !compact && <span className="kubelet-state" title={tn('card.heartbeatHint')}>♡</span>}
          </li>
        );
      })}
      {total > rows.length && <li className="kubelet-more">{t('kubelet.more', { count: total - rows.length })}</li>}
    </ul>
  );
}

/** Per-node rows of the kubelet stage. */
export const KubeletRows = memo(KubeletRowsImpl);

/** A node as a card: name, readiness, role, taints, capacity, and the pods bound to it. */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/index.ts';
import { nodeReady, nodeResources, nodeRoles, nodeStatusText, nodeTaints, taintText, type Taint } from './nodeInfo.ts';
import { PodChip } from './PodChip.tsx';

const NO_PODS: string[] = [];

/**
 * A taint as text that wraps only where it reads well: after a `/` of the key or before the
 * `:Effect` (`node-role.kubernetes.io/` · `control-plane` · `:NoSchedule`), never at a hyphen.
 */
function taintPieces(taint: Taint) {
  const key = taint.value ? `${taint.key}=${taint.value}` : taint.key;
  const parts = key.split('/').map((p, i, all) => (i < all.length - 1 ? `${p}/` : p));
  return [...parts, `:${taint.effect}`].flatMap((p, i) => [
    ...(i > 0 ? [<wbr key={`w${i}`} />] : []),
    <span key={i} className="nowrap">{p}</span>,
  ]);
}

export const NodeCard = memo(function NodeCard({ nodeKey, compact }: { nodeKey: string; compact: boolean }) {
  const { t } = useTranslation('cluster');
  const node = useStore((s) => s.objects[nodeKey]);
  const podKeys = useStore((s) => (node ? s.podsByNode[node.metadata.name] : undefined) ?? NO_PODS);
  const selected = useStore((s) => s.selection?.kind === 'node' && s.selection.key === nodeKey);
  const select = useStore((s) => s.select);
  if (!node) return null;
  const name = node.metadata.name;
  const ready = nodeReady(node);
  const roles = nodeRoles(node);
  const { allocatable } = nodeResources(node);
  const taints = nodeTaints(node);
  return (
    <section className={`node-card ${ready === 'True' ? '' : 'not-ready'}`} data-testid="node" data-name={name} data-ready={ready === 'True' ? 'true' : 'false'} aria-label={t('node.label', { name })}>
      <header className="node-head">
        <button
          type="button"
          className="node-name"
          aria-pressed={selected}
          onClick={() => select(selected ? undefined : { kind: 'node', key: nodeKey })}
          title={t('node.inspect', { name })}
        >
          {name}
        </button>
        <span className={`badge ${ready === 'True' ? 'badge-ok' : 'badge-bad'}`}>{nodeStatusText(node)}</span>
      </header>
      <div className="node-facts">
        {roles !== '<none>' && <span>{t('node.role', { roles })}</span>}
        <span>{t('node.capacity', { cpu: allocatable.cpu ?? '?', memory: allocatable.memory ?? '?', pods: allocatable.pods ?? '?' })}</span>
      </div>
      {taints.length > 0 && (
        <ul className="taints" aria-label={t('node.taints')}>
          {taints.map((taint) => (
            <li key={taintText(taint)} className="badge badge-taint" title={taintText(taint)}>
              {taintPieces(taint)}
            </li>
          ))}
        </ul>
      )}
      {podKeys.length === 0 ? (
        <span className="empty">{t('node.noPods')}</span>
      ) : (
        <div className={`pod-grid ${compact ? 'compact' : ''}`} role="list" aria-label={t('node.pods', { count: podKeys.length, name })}>
          {podKeys.map((k) => <div role="listitem" key={k}><PodChip podKey={k} compact={compact} /></div>)}
        </div>
      )}
    </section>
  );
});

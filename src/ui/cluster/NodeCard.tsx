/**
 * A node as a card: name, readiness (Ready / NotReady / Unknown, SchedulingDisabled), heartbeat,
 * role, labels, taints, requested / allocatable bars, its actions, and the pods bound to it.
 */
import { memo, useMemo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { KubeObject } from '../../protocol/types.ts';
import { useStore } from '../../store/index.ts';
import { NodeActions } from '../actions/NodeActions.tsx';
import { NodeHeartbeat } from './NodeHeartbeat.tsx';
import { NodeLabels } from './NodeLabels.tsx';
import { nodeReady, nodeRoles, nodeTaints, taintText, type Taint } from './nodeInfo.ts';
import { ResourceBars } from './ResourceBars.tsx';
import { PodList } from './PodList.tsx';
import { SchedulingVerdict } from './SchedulingVerdict.tsx';
import { usePodChips, useSelectedPod } from './usePodChips.ts';

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

/**
 * Name, readiness, role, capacity and taints: redrawn only when the Node object (or the
 * selection) changes, not each time one of its pods does.
 */
const NodeFacts = memo(function NodeFacts({ node, nodeKey, t }: { node: KubeObject; nodeKey: string; t: TFunction<'cluster'> }) {
  const selected = useStore((s) => s.selection?.kind === 'node' && s.selection.key === nodeKey);
  const name = node.metadata.name;
  const ready = nodeReady(node);
  const roles = nodeRoles(node);
  const taints = nodeTaints(node);
  const unschedulable = (node.spec as { unschedulable?: boolean } | undefined)?.unschedulable === true;
  const tn = useTranslation('nodes').t;
  return (
    <>
      <header className="node-head">
        <button
          type="button"
          className="node-name"
          aria-pressed={selected}
          onClick={() => useStore.getState().select(selected ? undefined : { kind: 'node', key: nodeKey })}
          title={t('node.inspect', { name })}
        >
          {name}
        </button>
        <span className="node-badges">
          <span
            className={`badge ${ready === 'True' ? 'badge-ok' : 'badge-bad'}`}
            data-testid="node-status"
            title={ready === 'False' ? tn('card.notReadyHint') : ready === 'Unknown' ? tn('card.unknownHint') : undefined}
          >
            {ready === 'True' ? 'Ready' : ready === 'False' ? 'NotReady' : 'Unknown'}
          </span>
          {unschedulable && <span className="badge badge-cordoned" data-testid="scheduling-disabled" title={tn('card.schedulingDisabledHint')}>{tn('card.schedulingDisabled')}</span>}
        </span>
      </header>
      <div className="node-facts">
        <NodeHeartbeat name={name} />
        {roles !== '<none>' && <span>{t('node.role', { roles })}</span>}
      </div>
      <ResourceBars node={node} />
      {taints.length > 0 && (
        <ul className="taints" aria-label={t('node.taints')}>
          {taints.map((taint) => (
            <li key={taintText(taint)} className="badge badge-taint" title={taintText(taint)}>
              {taintPieces(taint)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
});

/** Labels and the node's buttons, under its pods (pods come first on a short cluster panel). */
const NodeFooter = memo(function NodeFooter({ node }: { node: KubeObject }) {
  const name = node.metadata.name;
  const unschedulable = (node.spec as { unschedulable?: boolean } | undefined)?.unschedulable === true;
  return (
    <div className="node-footer">
      <NodeLabels name={name} labels={node.metadata.labels} />
      <NodeActions name={name} unschedulable={unschedulable} ready={nodeReady(node) === 'True'} />
    </div>
  );
});

export const NodeCard = memo(function NodeCard({ nodeKey, compact }: { nodeKey: string; compact: boolean }) {
  const { t } = useTranslation('cluster');
  const node = useStore((s) => s.byResource.nodes?.[nodeKey]);
  const name = node?.metadata.name;
  const pods = usePodChips(name);
  const selectedKey = useSelectedPod();
  const label = useMemo(() => (name === undefined ? '' : t('node.label', { name })), [t, name]);
  if (!node || name === undefined) return null;
  const ready = nodeReady(node) === 'True';
  const cordoned = (node.spec as { unschedulable?: boolean } | undefined)?.unschedulable === true;
  return (
    <section className={`node-card${ready ? '' : ' not-ready'}${cordoned ? ' cordoned' : ''}`} data-testid="node" data-name={name} data-ready={ready ? 'true' : 'false'} aria-label={label}>
      <NodeFacts node={node} nodeKey={nodeKey} t={t} />
      <SchedulingVerdict nodeName={name} />
      {pods.length === 0 ? (
        <span className="empty">{t('node.noPods')}</span>
      ) : (
        <PodList pods={pods} selectedKey={selectedKey} compact={compact} label={t('node.pods', { count: pods.length, name })} t={t} />
      )}
      <NodeFooter node={node} />
    </section>
  );
});

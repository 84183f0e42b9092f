/**
 * Ownership above the nodes: each Deployment with its ReplicaSets (the new one first, old ones
 * while they still have pods), each with desired / current / ready counts, so a rollout shows
 * both ReplicaSets trading replicas. Pod chips on the node cards carry the same colour as their
 * ReplicaSet (`owner-new`, `owner-old`). Clicking selects the object for the inspector.
 */
import { memo, useMemo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useStore, type Selection } from '../../store/index.ts';
import { DEPLOYMENTS, REPLICASETS, workloadGroups, type ReplicaSetCounts, type WorkloadGroup } from '../../store/workloads.ts';

const NONE = Object.freeze({});

function toggle(sel: Selection, selected: boolean) {
  useStore.getState().select(selected ? undefined : sel);
}

const ReplicaSetPill = memo(function ReplicaSetPill({ rs, t }: { rs: ReplicaSetCounts; t: TFunction<'cluster'> }) {
  const selected = useStore((s) => s.selection?.kind === 'replicaset' && s.selection.key === rs.key);
  const gap = rs.desired !== rs.ready;
  return (
    <button
      type="button"
      className={`rs-pill owner-${rs.role}${gap ? ' has-gap' : ''}`}
      data-testid="workload"
      data-kind="ReplicaSet"
      data-name={rs.name}
      data-namespace={rs.namespace}
      data-role={rs.role}
      data-revision={rs.revision || undefined}
      data-desired={rs.desired}
      data-current={rs.current}
      data-ready={rs.ready}
      data-available={rs.available}
      aria-pressed={selected}
      onClick={() => toggle({ kind: 'replicaset', key: rs.key }, selected)}
    >
      <span className="rs-role">{t(`workloads.role.${rs.role}`)}{rs.revision > 0 ? ` · ${t('workloads.revision', { revision: rs.revision })}` : ''}</span>
      <span className="rs-name mono">{rs.name}</span>
      <span className="rs-counts">{t('workloads.counts', { desired: rs.desired, current: rs.current, ready: rs.ready })}</span>
    </button>
  );
});

const Group = memo(function Group({ group, t }: { group: WorkloadGroup; t: TFunction<'cluster'> }) {
  const d = group.deployment;
  const selected = useStore((s) => d !== undefined && s.selection?.kind === 'deployment' && s.selection.key === d.key);
  const pills = group.replicaSets.map((rs) => <ReplicaSetPill key={rs.key} rs={rs} t={t} />);
  if (!d) return <div className="workload solo">{pills}</div>;
  const gap = d.desired - d.ready;
  return (
    <div
      className="workload"
      role="group"
      aria-label={t('workloads.deployment', { name: d.name })}
      data-testid="workload"
      data-kind="Deployment"
      data-name={d.name}
      data-namespace={d.namespace}
      data-revision={d.revision || undefined}
      data-desired={d.desired}
      data-current={d.current}
      data-updated={d.updated}
      data-ready={d.ready}
      data-available={d.available}
    >
      <button type="button" className="deploy-button" aria-pressed={selected} onClick={() => toggle({ kind: 'deployment', key: d.key }, selected)}>
        <span className="deploy-kind">Deployment</span>
        <span className="deploy-name mono">{d.name}</span>
        <span className={`badge ${gap === 0 ? 'badge-ok' : 'badge-busy'}`}>{t('workloads.ready', { ready: d.ready, desired: d.desired })}</span>
      </button>
      <span className="workload-arrow" aria-hidden="true">→</span>
      {pills}
    </div>
  );
});

export function WorkloadsStrip() {
  const { t } = useTranslation('cluster');
  const deployments = useStore((s) => s.byResource[DEPLOYMENTS] ?? NONE);
  const replicaSets = useStore((s) => s.byResource[REPLICASETS] ?? NONE);
  const groups = useMemo(() => workloadGroups(deployments, replicaSets), [deployments, replicaSets]);
  if (groups.length === 0) return null;
  return (
    <div className="workloads" role="region" aria-label={t('workloads.title')} data-testid="workloads">
      {groups.map((g) => <Group key={g.key} group={g} t={t} />)}
    </div>
  );
}

/**
 * A Deployment or ReplicaSet: desired vs current replicas, what it runs, its strategy and
 * conditions, who owns whom, and the controls (scale, undo) that run kubectl lines.
 */
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { objectAt, useStore } from '../../store/index.ts';
import { controllerOf, DEPLOYMENTS, keyOf, REPLICASETS, revisionOf, workloadGroups } from '../../store/workloads.ts';
import { LastAction } from '../actions/LastAction.tsx';
import { ScaleControl } from '../actions/ScaleControl.tsx';
import { UndoButton } from '../actions/UndoButton.tsx';
import { Conditions, type Condition } from './Conditions.tsx';
import { DesiredCurrent, type CountRow } from './DesiredCurrent.tsx';
import { Field } from './Field.tsx';

interface WorkloadShape {
  spec?: {
    replicas?: number;
    paused?: boolean;
    minReadySeconds?: number;
    strategy?: { type?: string; rollingUpdate?: { maxSurge?: number | string; maxUnavailable?: number | string } };
    template?: { spec?: { containers?: { name: string; image?: string }[] } };
  };
  status?: {
    replicas?: number;
    updatedReplicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    unavailableReplicas?: number;
    observedGeneration?: number;
    conditions?: Condition[];
  };
}

export function WorkloadDetails({ objectKey, kind }: { objectKey: string; kind: 'deployment' | 'replicaset' }) {
  const { t } = useTranslation('inspector');
  const obj = useStore((s) => objectAt(s, objectKey));
  // The Deployment's ReplicaSets (newest first), or the ReplicaSet's owner.
  const related = useStore(useShallow((s) => {
    if (!obj) return [];
    if (kind === 'replicaset') {
      const o = controllerOf(obj);
      return o?.kind === 'Deployment' && o.name ? [keyOf(DEPLOYMENTS, obj.metadata.namespace, o.name)] : [];
    }
    const g = workloadGroups({ [objectKey]: obj }, s.byResource[REPLICASETS]).find((x) => x.key === objectKey);
    return g ? g.replicaSets.map((rs) => `${rs.key}\n${rs.name}\n${rs.role}\n${rs.revision}\n${rs.desired}/${rs.current}/${rs.ready}`) : [];
  }));
  const select = useStore((s) => s.select);
  if (!obj) return <p className="empty">{t('gone')}</p>;
  const w = obj as unknown as WorkloadShape;
  const name = obj.metadata.name;
  const ns = obj.metadata.namespace;
  const desired = w.spec?.replicas ?? 1;
  const st = w.status ?? {};
  const rows: CountRow[] = kind === 'deployment'
    ? [
        { field: 'status.replicas', label: t('workload.row.current'), current: st.replicas ?? 0 },
        { field: 'status.updatedReplicas', label: t('workload.row.updated'), current: st.updatedReplicas ?? 0 },
        { field: 'status.readyReplicas', label: t('workload.row.ready'), current: st.readyReplicas ?? 0 },
        { field: 'status.availableReplicas', label: t('workload.row.available'), current: st.availableReplicas ?? 0 },
      ]
    : [
        { field: 'status.replicas', label: t('workload.row.current'), current: st.replicas ?? 0 },
        { field: 'status.readyReplicas', label: t('workload.row.ready'), current: st.readyReplicas ?? 0 },
        { field: 'status.availableReplicas', label: t('workload.row.available'), current: st.availableReplicas ?? 0 },
      ];
  const strategy = w.spec?.strategy;
  const ru = strategy?.rollingUpdate;
  const generation = obj.metadata.generation;
  const stale = generation !== undefined && st.observedGeneration !== undefined && st.observedGeneration < generation;
  return (
    <div className="details" data-testid="workload-details" data-kind={kind === 'deployment' ? 'Deployment' : 'ReplicaSet'} data-name={name}>
      <h3 className="details-title"><span className="kind-label">{kind === 'deployment' ? 'Deployment' : 'ReplicaSet'}</span> <span className="mono">{ns}/{name}</span></h3>
      <h4>{t('workload.desiredVsCurrent')}</h4>
      <p className="desired-line"><span className="mono">spec.replicas</span> = <strong className="mono">{desired}</strong></p>
      <p className="hint-line">{t('workload.specReplicas', { desired })}</p>
      <DesiredCurrent desired={desired} rows={rows} />
      {stale && <p className="hint-line">{t('workload.stale', { generation, observed: st.observedGeneration })}</p>}
      <div className="actions" role="group" aria-label={t('actions.title')}>
        <ScaleControl kind={kind} name={name} namespace={ns} replicas={desired} />
        {kind === 'deployment' && <UndoButton name={name} namespace={ns} />}
      </div>
      <LastAction />
      <dl className="fields">
        {revisionOf(obj) > 0 && <Field label={t('workload.revision')}>{revisionOf(obj)}</Field>}
        {(w.spec?.template?.spec?.containers ?? []).map((c) => (
          <Field key={c.name} label={t('workload.image', { container: c.name })}><span className="mono">{c.image}</span></Field>
        ))}
        {strategy?.type && (
          <Field label={t('workload.strategy')}>
            <span className="mono">{strategy.type}{ru ? ` (maxSurge ${String(ru.maxSurge ?? '25%')}, maxUnavailable ${String(ru.maxUnavailable ?? '25%')})` : ''}</span>
          </Field>
        )}
        {w.spec?.paused && <Field label={t('workload.paused')}>{t('workload.pausedYes')}</Field>}
      </dl>
      {kind === 'deployment' && (
        <>
          <h4>{t('workload.replicaSets')}</h4>
          <ul className="plain-list rs-list">
            {related.length === 0 && <li className="empty">{t('none')}</li>}
            {related.map((line) => {
              const [key, rsName, role, rev, counts] = line.split('\n');
              return (
                <li key={key}>
                  <button type="button" className={`link-button rs-link owner-${role}`} onClick={() => select({ kind: 'replicaset', key: key! })}>
                    <span className="mono">{rsName}</span>
                  </button>{' '}
                  {t(`workload.roleText.${role}`)}{Number(rev) > 0 ? ` · ${t('workload.revisionShort', { revision: rev })}` : ''} · <span className="mono">{counts}</span>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {kind === 'replicaset' && related[0] && (
        <dl className="fields">
          <Field label={t('workload.ownedBy')}>
            <button type="button" className="link-button inline" onClick={() => select({ kind: 'deployment', key: related[0]! })}>
              Deployment {related[0].split('/').pop()}
            </button>
          </Field>
        </dl>
      )}
      <h4>{t('pod.conditions')}</h4>
      <Conditions conditions={st.conditions ?? []} showMessages="all" />
    </div>
  );
}

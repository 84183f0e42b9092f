/** A pod: what was asked for (spec) next to what is (status), and its events. */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { eventLastSeenMs, humanDuration } from '../../protocol/format.ts';
import { objectAt, useStore } from '../../store/index.ts';
import { controllerOf, keyOf, REPLICASETS } from '../../store/workloads.ts';
import { LastAction } from '../actions/LastAction.tsx';
import { PodActions } from '../actions/PodActions.tsx';
import { Conditions } from './Conditions.tsx';
import { Field } from './Field.tsx';

interface Container { name: string; image?: string; ports?: { containerPort: number; protocol?: string }[]; startupProbe?: unknown; livenessProbe?: unknown; readinessProbe?: unknown }
interface ContainerStatus {
  name: string;
  ready?: boolean;
  started?: boolean;
  restartCount?: number;
  image?: string;
  state?: Record<string, { reason?: string; exitCode?: number; message?: string } | undefined>;
  lastState?: Record<string, { reason?: string; exitCode?: number } | undefined>;
}
interface PodShape {
  spec?: { nodeName?: string; containers?: Container[]; restartPolicy?: string };
  status?: { phase?: string; podIP?: string; hostIP?: string; conditions?: { type: string; status: string; reason?: string; message?: string }[]; containerStatuses?: ContainerStatus[] };
}

export function PodDetails({ podKey }: { podKey: string }) {
  const { t } = useTranslation('inspector');
  const pod = useStore((s) => objectAt(s, podKey));
  const cols = useStore((s) => s.podColumns[podKey]);
  const nowMs = useStore((s) => Math.floor((s.playback.epochMs + s.playback.now) / 1000) * 1000);
  const name = pod?.metadata.name;
  const ns = pod?.metadata.namespace;
  const events = useStore(useShallow((s) => s.events.filter((e) => {
    const o = (e as { involvedObject?: { kind?: string; name?: string; namespace?: string } }).involvedObject;
    return o?.kind === 'Pod' && o.name === name && (o.namespace ?? ns) === ns;
  })));
  const select = useStore((s) => s.select);
  // After Delete pod the object is gone: point at its ReplicaSet, which is making a replacement.
  const lastOwner = useRef<string | undefined>(undefined);
  const ref = controllerOf(pod);
  if (ref?.kind === 'ReplicaSet' && ref.name) lastOwner.current = keyOf(REPLICASETS, ns, ref.name);
  if (!pod) {
    const owner = lastOwner.current;
    return (
      <>
        <p className="empty">{t('gone')}</p>
        <LastAction />
        {owner && (
          <p className="hint-line">
            {t('pod.replacedBy')}{' '}
            <button type="button" className="link-button inline" onClick={() => select({ kind: 'replicaset', key: owner })}>
              ReplicaSet {owner.split('/').pop()}
            </button>
          </p>
        )}
      </>
    );
  }
  const p = pod as unknown as PodShape;
  const statuses = new Map((p.status?.containerStatuses ?? []).map((c) => [c.name, c]));
  const owner = ref;
  const containers = p.spec?.containers ?? [];
  return (
    <div className="details" data-testid="pod-details" data-name={name}>
      <h3 className="details-title"><span className="kind-label">Pod</span> <span className="mono">{ns}/{name}</span></h3>
      <PodActions name={name!} namespace={ns} containers={containers} terminating={!!pod.metadata.deletionTimestamp} />
      <LastAction />
      <dl className="fields">
        {owner?.kind === 'ReplicaSet' && owner.name && (
          <Field label={t('workload.ownedBy')}>
            <button type="button" className="link-button inline" onClick={() => select({ kind: 'replicaset', key: keyOf(REPLICASETS, ns, owner.name!) })}>
              ReplicaSet {owner.name}
            </button>
          </Field>
        )}
        <Field label={t('pod.status')}>{cols?.status ?? p.status?.phase}</Field>
        <Field label={t('pod.phase')}>{p.status?.phase ?? '—'}</Field>
        <Field label={t('pod.ready')}>{cols?.ready ?? '—'}</Field>
        <Field label={t('pod.node')}>{p.spec?.nodeName ?? t('pod.unscheduled')}</Field>
        <Field label={t('pod.ip')}>{p.status?.podIP ?? '—'}</Field>
      </dl>
      <h4>{t('pod.containers')}</h4>
      <ul className="containers">
        {containers.map((c) => {
          const st = statuses.get(c.name);
          const state = st?.state ? Object.entries(st.state).find(([, v]) => v) : undefined;
          const stateText = state ? `${state[0]}${state[1]?.reason ? ` (${state[1].reason})` : ''}${state[1]?.exitCode !== undefined ? ` · exit ${state[1].exitCode}` : ''}` : t('pod.noStatus');
          const last = st?.lastState ? Object.entries(st.lastState).find(([, v]) => v) : undefined;
          return (
            <li key={c.name} data-container={c.name} data-ready={st?.ready ? 'true' : 'false'}>
              <div><strong className="mono">{c.name}</strong> {st && <span className={`badge ${st.ready ? 'badge-ok' : 'badge-busy'}`}>{st.ready ? t('pod.containerReady') : t('pod.containerNotReady')}</span>}</div>
              <div>{t('pod.desired')}: <span className="mono">{c.image}</span></div>
              <div>{t('pod.current')}: {stateText}{st ? ` · ${t('pod.restarts', { count: st.restartCount ?? 0 })}` : ''}</div>
              {last && <div className="cond-message">{t('pod.lastState', { state: `${last[0]}${last[1]?.reason ? ` (${last[1].reason})` : ''}${last[1]?.exitCode !== undefined ? ` · exit ${last[1].exitCode}` : ''}` })}</div>}
            </li>
          );
        })}
      </ul>
      <h4>{t('pod.conditions')}</h4>
      <Conditions conditions={p.status?.conditions ?? []} />
      <h4>{t('pod.events')}</h4>
      <ul className="pod-events">
        {events.length === 0 && <li className="empty">{t('none')}</li>}
        {events.map((e) => {
          const ev = e as { type?: string; reason?: string; message?: string; metadata: { name: string } };
          return (
            <li key={ev.metadata.name} className={ev.type === 'Warning' ? 'event-warning' : undefined}>
              <span className="mono">{humanDuration(nowMs - eventLastSeenMs(e))}</span> <strong>{ev.reason}</strong> {ev.message}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

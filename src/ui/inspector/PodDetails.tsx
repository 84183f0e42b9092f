/** A pod: what was asked for (spec) next to what is (status), and its events. */
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { eventLastSeenMs, humanDuration } from '../../protocol/format.ts';
import { objectAt, useStore } from '../../store/index.ts';
import { Field } from './Field.tsx';

interface Container { name: string; image?: string; ports?: { containerPort: number; protocol?: string }[] }
interface ContainerStatus { name: string; ready?: boolean; restartCount?: number; image?: string; state?: Record<string, { reason?: string; exitCode?: number } | undefined> }
interface PodShape {
  spec?: { nodeName?: string; containers?: Container[] };
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
  if (!pod) return <p className="empty">{t('gone')}</p>;
  const p = pod as unknown as PodShape;
  const statuses = new Map((p.status?.containerStatuses ?? []).map((c) => [c.name, c]));
  return (
    <div className="details">
      <h3 className="details-title mono">{ns}/{name}</h3>
      <dl className="fields">
        <Field label={t('pod.status')}>{cols?.status ?? p.status?.phase}</Field>
        <Field label={t('pod.phase')}>{p.status?.phase ?? '—'}</Field>
        <Field label={t('pod.ready')}>{cols?.ready ?? '—'}</Field>
        <Field label={t('pod.node')}>{p.spec?.nodeName ?? t('pod.unscheduled')}</Field>
        <Field label={t('pod.ip')}>{p.status?.podIP ?? '—'}</Field>
      </dl>
      <h4>{t('pod.containers')}</h4>
      <ul className="containers">
        {(p.spec?.containers ?? []).map((c) => {
          const st = statuses.get(c.name);
          const state = st?.state ? Object.entries(st.state).find(([, v]) => v) : undefined;
          const stateText = state ? `${state[0]}${state[1]?.reason ? ` (${state[1].reason})` : ''}` : t('pod.noStatus');
          return (
            <li key={c.name}>
              <div><strong className="mono">{c.name}</strong></div>
              <div>{t('pod.desired')}: <span className="mono">{c.image}</span></div>
              <div>{t('pod.current')}: {stateText}{st ? ` · ${t('pod.restarts', { count: st.restartCount ?? 0 })}` : ''}</div>
            </li>
          );
        })}
      </ul>
      <h4>{t('pod.conditions')}</h4>
      <ul className="conditions">
        {(p.status?.conditions ?? []).map((c) => (
          <li key={c.type} className={c.status === 'True' ? 'cond-ok' : 'cond-bad'}>
            <span className="mono">{c.type}</span> {c.status}{c.reason ? ` (${c.reason})` : ''}
            {c.status !== 'True' && c.message && <div className="cond-message">{c.message}</div>}
          </li>
        ))}
        {(p.status?.conditions ?? []).length === 0 && <li className="empty">{t('none')}</li>}
      </ul>
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

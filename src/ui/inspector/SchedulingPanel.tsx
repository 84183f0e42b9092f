/**
 * The inspector's Scheduling tab for a pod: kube-scheduler's latest attempt (pkg/scheduler/
 * schedule_one.go). "Why this node?" — the chosen node's per-plugin scores (raw, normalized,
 * weight, weighted, total) and ties; "why not node X?" — each rejected node's filter plugin and
 * reason, and the nodes that passed but scored lower. For a Pending pod: the FailedScheduling
 * message verbatim, the reason histogram and what would fix it.
 */
import { useTranslation } from 'react-i18next';
import { clockText } from '../../protocol/format.ts';
import type { SchedulingExplanation } from '../../protocol/types.ts';
import { objectAt, schedulerPodKey, useStore } from '../../store/index.ts';
import { SchedulingFixes } from './SchedulingFixes.tsx';
import './scheduling.css';

/** `NodeResourcesBalancedAllocation` with break opportunities between its words (a narrow inspector). */
function camelBreaks(name: string) {
  return name.split(/(?=[A-Z][a-z])/).flatMap((part, i) => (i ? [<wbr key={i} />, part] : [part]));
}

export function SchedulingPanel({ podKey }: { podKey: string }) {
  const { t } = useTranslation('scheduling');
  const e = useStore((s) => s.explanations[schedulerPodKey(podKey)]);
  const bound = useStore((s) => !!(objectAt(s, podKey) as { spec?: { nodeName?: string } } | undefined)?.spec?.nodeName);
  if (!e) {
    return (
      <div className="sched" data-testid="scheduling-panel" data-state="none">
        <p className="empty">{bound ? t('panel.noneBound') : t('panel.none')}</p>
      </div>
    );
  }
  return (
    <div className="sched" data-testid="scheduling-panel" data-state={e.selected ? 'scheduled' : 'pending'}>
      <p className="sched-meta">
        {t('panel.attempt', { attempt: e.attempt, time: clockText(e.at), evaluated: e.evaluated, all: e.numAllNodes, feasible: e.feasible })}
      </p>
      {e.selected ? <WhyThis e={e} /> : <WhyPending e={e} podKey={podKey} />}
      <WhyNot e={e} />
    </div>
  );
}

function WhyPending({ e, podKey }: { e: SchedulingExplanation; podKey: string }) {
  const { t } = useTranslation('scheduling');
  return (
    <>
      <h4>{t('panel.pending')}</h4>
      <p className="sched-label">{t('panel.message')}</p>
      <pre className="sched-message" data-testid="scheduling-message">{e.message ?? ''}</pre>
      <SchedulingFixes e={e} podKey={podKey} />
    </>
  );
}

function WhyThis({ e }: { e: SchedulingExplanation }) {
  const { t } = useTranslation('scheduling');
  const node = e.selected!;
  const row = e.scored.find((s) => s.node === node);
  return (
    <>
      <h4>{t('panel.whyThis', { node })}</h4>
      <p className="sched-pick">
        <span aria-hidden="true">✓ </span>
        {row ? t('panel.chose', { node }) : t('panel.onlyFit', { node })}
        {(e.tiedForTop ?? 1) > 1 && <> {t('panel.tied', { count: e.tiedForTop })}</>}
      </p>
      {row && (
        <table className="mini-table sched-scores" data-testid="score-table">
          <caption>{t('panel.tableCaption', { node })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('panel.plugin')}</th>
              <th scope="col" className="num">{t('panel.raw')}</th>
              <th scope="col" className="num">{t('panel.normalized')}</th>
              <th scope="col" className="num">{t('panel.weight')}</th>
              <th scope="col" className="num">{t('panel.weighted')}</th>
            </tr>
          </thead>
          <tbody>
            {e.plugins.map((p, i) => (
              <tr key={p.name} data-plugin={p.name} className={p.skipped ? 'is-skipped' : undefined}>
                <th scope="row" className="mono">
                  {camelBreaks(p.name)}
                  {p.skipped && <span className="sched-skip">{t('panel.skipped')}</span>}
                </th>
                <td className="num">{row.scores[i * 3]}</td>
                <td className="num">{row.scores[i * 3 + 1]}</td>
                <td className="num">{p.weight}</td>
                <td className="num"><strong>{row.scores[i * 3 + 2]}</strong></td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={4}>{t('panel.total')}</th>
              <td className="num" data-testid="score-total"><strong>{row.total}</strong></td>
            </tr>
          </tfoot>
        </table>
      )}
    </>
  );
}

function WhyNot({ e }: { e: SchedulingExplanation }) {
  const { t } = useTranslation('scheduling');
  const top = e.scored.find((s) => s.node === e.selected)?.total ?? 0;
  const lower = e.scored.filter((s) => s.node !== e.selected);
  const notEvaluated = e.numAllNodes - e.evaluated;
  const moreRejected = e.filteredTotal - e.filtered.length;
  if (lower.length === 0 && e.filtered.length === 0 && notEvaluated <= 0) return null;
  return (
    <>
      <h4>{t('panel.whyNot')}</h4>
      <table className="mini-table sched-why-not" data-testid="why-not">
        <thead>
          <tr>
            <th scope="col">{t('panel.node')}</th>
            <th scope="col">{t('panel.result')}</th>
          </tr>
        </thead>
        <tbody>
          {lower.map((s) => (
            <tr key={s.node} data-node={s.node} data-verdict="passed">
              <th scope="row" className="mono">{s.node}</th>
              <td>
                <span aria-hidden="true">○ </span>
                {top - s.total > 0 ? t('panel.scoredLower', { total: s.total, behind: top - s.total }) : t('panel.scoredSame', { total: s.total })}
              </td>
            </tr>
          ))}
          {e.filtered.map((f) => (
            <tr key={f.node} data-node={f.node} data-verdict="rejected">
              <th scope="row" className="mono">{f.node}</th>
              <td>
                <span aria-hidden="true">✗ </span>
                {t('panel.rejectedBy', { plugin: f.plugin })}: <span className="mono">{f.reasons.join(', ')}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {moreRejected > 0 && <p className="sched-note">{t('panel.moreRejected', { count: moreRejected })}</p>}
      {notEvaluated > 0 && <p className="sched-note">{t('panel.notEvaluated', { count: notEvaluated })}</p>}
    </>
  );
}

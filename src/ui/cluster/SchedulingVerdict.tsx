/**
 * A node card's verdict from kube-scheduler's attempt for the selected pod, or for the pod being
 * scheduled right now: chosen (with its score), passed with a lower score, rejected by a filter
 * plugin with its reason, or not evaluated (percentageOfNodesToScore). An icon and words carry
 * the meaning; colour only repeats it. One store subscription per card, returning a cached
 * verdict object, so a card re-renders only when its own verdict changes.
 */
import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { activeExplanation, useStore, verdictOf, type NodeVerdict } from '../../store/index.ts';
import { shortReason } from '../inspector/schedulingFixes.ts';
import '../inspector/scheduling.css';

const ICON: Record<NodeVerdict['kind'], string> = { chosen: '✓', passed: '○', rejected: '✗', notEvaluated: '–', noDetail: '·' };

const podName = (pod: string) => pod.slice(pod.indexOf('/') + 1);

export const SchedulingVerdict = memo(function SchedulingVerdict({ nodeName }: { nodeName: string }) {
  const { t } = useTranslation('scheduling');
  const v = useStore((s) => {
    const e = activeExplanation(s);
    return e ? verdictOf(e, nodeName) : undefined;
  });
  if (!v) return null;
  const pod = podName(v.pod);
  let body: ReactNode;
  switch (v.kind) {
    case 'chosen':
      body = (
        <>
          <strong>{v.total === undefined ? t('verdict.chosen', { pod }) : t('verdict.chosenScore', { pod, total: v.total })}</strong>
          {v.total === undefined && <> · {t('verdict.onlyFit')}</>}
          {v.tied > 1 && <> · {t('verdict.tied', { count: v.tied - 1 })}</>}
        </>
      );
      break;
    case 'passed':
      body = <>{t('verdict.passed', { total: v.total })} · {v.behind > 0 ? t('verdict.behind', { behind: v.behind }) : t('verdict.tiedLost')}</>;
      break;
    case 'rejected':
      body = (
        <>
          <span className="visually-hidden">{t('verdict.rejected')}: </span>
          <strong>{v.plugin}</strong>: <span className="mono">{v.reasons.map(shortReason).join(', ')}</span>
        </>
      );
      break;
    case 'notEvaluated':
      body = t('verdict.notEvaluated');
      break;
    case 'noDetail':
      body = t('verdict.noDetail');
      break;
  }
  return (
    <p className={`verdict verdict-${v.kind}`} data-testid="verdict" data-verdict={v.kind} data-pod={v.pod}>
      <span className="visually-hidden">{t('verdict.label', { pod: v.pod })} </span>
      <span className="verdict-icon" aria-hidden="true">{ICON[v.kind]}</span>
      <span className="verdict-text">{body}</span>
    </p>
  );
});

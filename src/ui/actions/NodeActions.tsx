/**
 * A node card's buttons: Cordon/Uncordon, Drain, Fail node/Recover node. Each runs the line a
 * person would type (kubectl or sim), shown in the terminal like every other action.
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/index.ts';
import { heartbeatAge, STALE_AFTER_S } from '../cluster/useNodeUsage.ts';
import { cordonLine, drainLine, failNodeLine, recoverNodeLine, uncordonLine } from './nodeCommands.ts';
import { useFailedNodes } from './nodeFailures.ts';
import { useAction } from './useAction.ts';

export const NodeActions = memo(function NodeActions({ name, unschedulable, ready }: { name: string; unschedulable: boolean; ready: boolean }) {
  const { t } = useTranslation('nodes');
  const { run, running } = useAction();
  const failedHere = useFailedNodes((s) => s.failed[name] === true);
  const silent = useStore((s) => {
    const age = heartbeatAge(s, name);
    return age !== undefined && age >= STALE_AFTER_S;
  });
  // A node failed here, one whose heartbeats stopped (failed from the terminal), or a not-ready one.
  const down = failedHere || silent || !ready;
  const mark = useFailedNodes((s) => s.mark);
  const failOrRecover = async () => {
    const r = await run(down ? recoverNodeLine(name) : failNodeLine(name));
    if (r.exitCode === 0) mark(name, !down);
  };
  return (
    <div className="node-actions" role="group" aria-label={t('actions.group', { name })}>
      <button type="button" className="btn btn-small" disabled={running} title={unschedulable ? t('actions.uncordonHint') : t('actions.cordonHint')} onClick={() => void run(unschedulable ? uncordonLine(name) : cordonLine(name))}>
        {unschedulable ? t('actions.uncordon') : t('actions.cordon')}
      </button>
      <button type="button" className="btn btn-small" disabled={running} title={t('actions.drainHint')} onClick={() => void run(drainLine(name))}>
        {t('actions.drain')}
      </button>
      <button type="button" className={`btn btn-small ${down ? 'btn-recover' : 'btn-danger'}`} disabled={running} title={down ? t('actions.recoverHint') : t('actions.failHint')} onClick={() => void failOrRecover()}>
        {down ? t('actions.recover') : t('actions.fail')}
      </button>
    </div>
  );
});

/** Says so when the simulation worker died and is being restarted from the last snapshot. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/index.ts';

/** How long the notice stays after the worker is back (long enough to read it). */
const LINGER_MS = 6000;

export function WorkerBanner() {
  const { t } = useTranslation('app');
  const status = useStore((s) => s.worker);
  const notice = useStore((s) => s.workerNotice);
  const dismiss = useStore((s) => s.dismissWorkerNotice);

  useEffect(() => {
    if (!notice || status !== 'ready') return;
    const timer = setTimeout(dismiss, LINGER_MS);
    return () => clearTimeout(timer);
  }, [notice, status, dismiss]);

  if (!notice && status !== 'crashed') return null;
  return (
    <div className="worker-banner" role="alert" data-testid="worker-banner" data-status={status}>
      <span>{status === 'ready' ? t('worker.recovered') : t('worker.crashed')}</span>
      <button type="button" className="btn btn-small" onClick={dismiss}>{t('worker.dismiss')}</button>
    </div>
  );
}

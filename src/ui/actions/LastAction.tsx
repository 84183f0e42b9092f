/**
 * The command the last button ran, with what it printed: the inspector teaches the line to type
 * (the terminal shows it too, with the REST requests it became).
 */
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/index.ts';

const MAX_LINES = 4;

export function LastAction() {
  const { t } = useTranslation('inspector');
  const action = useStore((s) => s.lastAction);
  if (!action) return null;
  const out = action.result ? `${action.result.stdout}${action.result.stderr}`.trimEnd().split('\n') : [];
  const failed = (action.result?.exitCode ?? 0) !== 0;
  return (
    <div className={`last-action${failed ? ' failed' : ''}`} role="status" data-testid="last-action">
      <div className="last-action-title">{t('actions.ran')}</div>
      <code className="last-action-line">$ {action.line}</code>
      {!action.result && <div className="last-action-out">{t('actions.running')}</div>}
      {out.slice(0, MAX_LINES).map((l, i) => <div key={i} className="last-action-out mono">{l}</div>)}
      {out.length > MAX_LINES && <div className="last-action-out">{t('actions.more', { count: out.length - MAX_LINES })}</div>}
    </div>
  );
}

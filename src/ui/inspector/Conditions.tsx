/** An object's status.conditions: type, status, reason, and the message while it is not True. */
import { useTranslation } from 'react-i18next';

export interface Condition { type: string; status: string; reason?: string; message?: string }

export function Conditions({ conditions, showMessages = 'notTrue' }: { conditions: Condition[]; showMessages?: 'notTrue' | 'all' }) {
  const { t } = useTranslation('inspector');
  return (
    <ul className="conditions">
      {conditions.map((c) => (
        <li key={c.type} className={c.status === 'True' ? 'cond-ok' : 'cond-bad'}>
          <span className="mono">{c.type}</span> {c.status}{c.reason ? ` (${c.reason})` : ''}
          {c.message && (showMessages === 'all' || c.status !== 'True') && <div className="cond-message">{c.message}</div>}
        </li>
      ))}
      {conditions.length === 0 && <li className="empty">{t('none')}</li>}
    </ul>
  );
}

/**
 * One REST request a command became — `→ GET /api/v1/namespaces/default/pods 200` — drawn dimmed
 * under the command's output: it is not kubectl's text but the hop the diagram shows
 * (`kubectl → kube-apiserver`), what `kubectl -v=6` would log.
 */
import { useTranslation } from 'react-i18next';

export interface RestCallLineProps {
  method: string;
  path: string;
  code?: number;
}

export function RestCallLine({ method, path, code }: RestCallLineProps) {
  const { t } = useTranslation('terminal');
  const failed = code !== undefined && code >= 400;
  return (
    <div className={`rest-call${failed ? ' rest-call-failed' : ''}`} data-testid="rest-call">
      <span className="visually-hidden">{t('request.label')} </span>
      <span aria-hidden="true">→ </span>
      {method} {path}
      {code !== undefined && (
        <>
          {' '}
          <span className="rest-code" title={t('request.code', { code })}>{code}</span>
        </>
      )}
    </div>
  );
}

/**
 * Under the editor: what kubectl printed for the last Apply (verbatim, English, as upstream)
 * and every problem on the text, each a button that jumps to its line.
 */
import { useTranslation } from 'react-i18next';
import type { CommandResult } from '../../protocol/messages.ts';
import { RestCallLine } from '../terminal/RestCallLine.tsx';
import type { Problem } from './editorHandle.ts';

const MAX_PROBLEMS = 50;
/** REST requests listed under kubectl's output (an apply of 300 objects makes 600). */
const MAX_REQUESTS = 4;

export interface ApplyOutputProps {
  result?: CommandResult;
  problems: readonly Problem[];
  onReveal: (line: number, column: number) => void;
  /** What became of a dropped file (already translated), shown instead of a stale result. */
  notice?: EditorNotice;
}

/** A message of the editor itself (not kubectl's), e.g. a refused file drop. */
export interface EditorNotice {
  kind: 'info' | 'error';
  lines: string[];
}

/** kubectl output plus the problem list. */
export function ApplyOutput({ result, problems, onReveal, notice }: ApplyOutputProps) {
  const { t } = useTranslation('editor');
  const { t: tt } = useTranslation('terminal');
  const shown = problems.slice(0, MAX_PROBLEMS);
  const requests = result?.requests ?? [];
  return (
    // It scrolls once an apply lists its requests: focusable, so the keyboard can scroll it too.
    <div className="apply-output" tabIndex={0} role="region" aria-label={t('output')}>
      <div role="status" aria-live="polite" className="apply-result" data-testid="apply-output">
        {notice && (
          <div className={`editor-notice editor-notice-${notice.kind}`} data-testid="editor-notice">
            {notice.lines.map((line) => <p key={line}>{line}</p>)}
          </div>
        )}
        {result && (
          <pre className={result.exitCode === 0 ? 'apply-ok' : 'apply-failed'}>
            {result.stdout}
            {result.stderr && <span className="apply-stderr">{result.stderr}</span>}
          </pre>
        )}
        {requests.length > 0 && (
          <div className="apply-requests">
            {requests.slice(0, MAX_REQUESTS).map((r) => <RestCallLine key={r.spanId} method={r.method} path={r.path} code={r.code} />)}
            {requests.length > MAX_REQUESTS && <div className="rest-call">{tt('request.more', { count: requests.length - MAX_REQUESTS })}</div>}
          </div>
        )}
      </div>
      {shown.length > 0 && (
        <ul className="problems" aria-label={t('problems.label', { count: problems.length })}>
          {shown.map((p, i) => (
            <li key={`${p.owner}:${p.line}:${p.column}:${i}`}>
              <button
                type="button"
                className={`problem problem-${p.severity}`}
                onClick={() => onReveal(p.line, p.column)}
              >
                <span aria-hidden="true" className="problem-icon">
                  {p.severity === 'error' ? '✖' : p.severity === 'warning' ? '⚠' : 'ℹ'}
                </span>
                {t('problems.item', {
                  line: p.line,
                  column: p.column,
                  message: p.message,
                  source: p.owner === 'kubectl' ? 'kubectl' : t('problems.schemaSource'),
                  interpolation: { escapeValue: false },
                })}
              </button>
            </li>
          ))}
          {problems.length > shown.length && (
            <li className="problem-more">{t('problems.more', { count: problems.length - shown.length })}</li>
          )}
        </ul>
      )}
    </div>
  );
}

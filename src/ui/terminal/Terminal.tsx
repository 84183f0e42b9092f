/**
 * The kubectl terminal: `$` prompt, ↑/↓ history, `clear`; runs `kubectl …` (the same kubectl as
 * the CLI) and `sim …` in the worker. Output is plain text and streams in while a command runs
 * (a `get -w` row, a `rollout status` line), as a real terminal shows it. Ctrl+C interrupts the typed command
 * (or discards the line being typed), as a shell does; the Stop button interrupts whatever runs.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/index.ts';
import { loadHistory, pushHistory } from './history.ts';
import { RestCallLine } from './RestCallLine.tsx';

export function Terminal() {
  const { t } = useTranslation('terminal');
  const lines = useStore((s) => s.terminal);
  const runTerminal = useStore((s) => s.runTerminal);
  const clearTerminal = useStore((s) => s.clearTerminal);
  const ctrlC = useStore((s) => s.ctrlC);
  const stopTerminal = useStore((s) => s.stopTerminal);
  const playing = useStore((s) => s.playback.playing);
  const jobs = useStore((s) => s.terminalJobs);
  /** A typed command runs: the prompt waits for it (UI actions run beside it, like a second terminal). */
  const running = jobs.some((j) => j.typed);
  const [input, setInput] = useState('');
  const [history, setHistory] = useState<string[]>(loadHistory);
  const [cursor, setCursor] = useState<number | undefined>(undefined);
  const out = useRef<HTMLDivElement>(null);
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const el = out.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [lines, jobs]);

  const submit = async () => {
    const line = input.trim();
    setInput('');
    setCursor(undefined);
    if (!line) return;
    setHistory((h) => pushHistory(h, line));
    if (line === 'clear') {
      clearTerminal();
      return;
    }
    try {
      await runTerminal(line, { typed: true });
    } finally {
      requestAnimationFrame(() => field.current?.focus());
    }
  };

  const stop = () => {
    stopTerminal();
    field.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      if (!running) void submit();
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (history.length === 0) return;
      const next = cursor === undefined ? history.length - 1 : Math.max(0, cursor - 1);
      setCursor(next);
      setInput(history[next]);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (cursor === undefined) return;
      const next = cursor + 1;
      if (next >= history.length) {
        setCursor(undefined);
        setInput('');
      } else {
        setCursor(next);
        setInput(history[next]);
      }
    } else if (e.key === 'l' && e.ctrlKey) {
      e.preventDefault();
      clearTerminal();
    } else if (e.key === 'c' && e.ctrlKey && !e.altKey && !e.metaKey && !e.shiftKey) {
      // With text selected at an idle prompt, Ctrl+C copies it, as the browser would.
      const el = e.currentTarget;
      if (!running && el.selectionStart !== el.selectionEnd) return;
      e.preventDefault();
      ctrlC(running ? '' : input);
      setInput('');
      setCursor(undefined);
    }
  };

  return (
    <div className="terminal" data-testid="terminal" onClick={() => field.current?.focus()}>
      <div className="terminal-out" ref={out} role="log" aria-live="polite" aria-label={t('output')} tabIndex={0}>
        {lines.length === 0 && <div className="terminal-hint">{t('hint')}</div>}
        {lines.map((l) => {
          if (l.kind === 'request') {
            const space = l.text.indexOf(' ');
            return <RestCallLine key={l.id} method={l.text.slice(0, space)} path={l.text.slice(space + 1)} code={l.count} />;
          }
          if (l.kind === 'requestsMore') return <div key={l.id} className="rest-call">{t('request.more', { count: l.count ?? 0 })}</div>;
          return (
            <div key={l.id} className={`term-line term-${l.kind}`}>
              {l.kind === 'input' ? `$ ${l.text}` : l.text || '\u00a0'}
            </div>
          );
        })}
        {jobs.length > 0 && <div className="terminal-hint">{playing ? t('running') : t('waitingPaused')}</div>}
      </div>
      <div className="terminal-in">
        <span className="prompt" aria-hidden="true">$</span>
        <input
          ref={field}
          className="terminal-input"
          aria-label={t('input')}
          placeholder={t('placeholder')}
          value={input}
          readOnly={running}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          onChange={(e) => { setInput(e.target.value); setCursor(undefined); }}
          onKeyDown={onKeyDown}
        />
        {jobs.length > 0 && (
          <button type="button" className="btn btn-small terminal-stop" onClick={stop} title={t('stopHint')} aria-keyshortcuts="Control+C">
            {t('stop')}
          </button>
        )}
      </div>
    </div>
  );
}

/**
 * The traffic control and live view (a tab of the bottom dock): pick a Service or an Ingress
 * URL, a rate and a duration, Start — which runs the `sim traffic` line a person would type, in
 * the terminal — and watch the generator's table fill: which pods answer, how many fail.
 * Stop interrupts the running commands, as Ctrl+C would.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import { useStore } from '../../store/index.ts';
import { ENDPOINT_SLICES, INGRESSES, SERVICES, trafficLine, trafficTargets } from './networkModel.ts';
import { TrafficTable } from './TrafficTable.tsx';

const NONE = Object.freeze({});
const RATES = [1, 2, 5, 10, 20, 50];
const DURATIONS = [10, 30, 60, 120, 300];

/** The form's choices outlive the panel (it unmounts while another tab is shown). */
const useTrafficForm = create<{ picked: string; rps: number; seconds: number }>(() => ({ picked: '', rps: 5, seconds: 60 }));
const setForm = (patch: Partial<{ picked: string; rps: number; seconds: number }>) => useTrafficForm.setState(patch);

/** Is a `sim traffic` command running in the terminal? */
export const isTrafficJob = (line: string) => /^\s*sim\s+traffic\b/.test(line);

export function TrafficPanel() {
  const { t } = useTranslation('network');
  const services = useStore((s) => s.byResource[SERVICES] ?? NONE);
  const slices = useStore((s) => s.byResource[ENDPOINT_SLICES] ?? NONE);
  const ingresses = useStore((s) => s.byResource[INGRESSES] ?? NONE);
  const targets = useMemo(
    () => trafficTargets({ [SERVICES]: services, [ENDPOINT_SLICES]: slices, [INGRESSES]: ingresses }),
    [services, slices, ingresses],
  );
  const traffic = useStore((s) => s.traffic);
  const running = useStore((s) => s.terminalJobs.some((j) => isTrafficJob(j.line)));
  const { picked, rps, seconds } = useTrafficForm();
  const target = targets.find((x) => x.label === picked) ?? targets[0];
  const line = target ? trafficLine(target, rps, seconds) : undefined;

  return (
    <div className="traffic-panel" role="region" aria-label={t('traffic.region')} data-testid="traffic-panel">
      <form
        className="traffic-controls"
        onSubmit={(e) => {
          e.preventDefault();
          if (line) void useStore.getState().runTerminal(line);
        }}
      >
        <label>
          <span>{t('traffic.target')}</span>
          <select value={target?.label ?? ''} onChange={(e) => setForm({ picked: e.target.value })} disabled={targets.length === 0}>
            {targets.length === 0 && <option value="">{t('traffic.noTargets')}</option>}
            {targets.map((x) => <option key={x.label} value={x.label}>{x.label}</option>)}
          </select>
        </label>
        <label>
          <span>{t('traffic.rps')}</span>
          <select value={rps} onChange={(e) => setForm({ rps: Number(e.target.value) })}>
            {RATES.map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
        </label>
        <label>
          <span>{t('traffic.duration')}</span>
          <select value={seconds} onChange={(e) => setForm({ seconds: Number(e.target.value) })}>
            {DURATIONS.map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
        </label>
        <div className="traffic-buttons">
          <button type="submit" className="btn btn-small btn-primary" disabled={!line} title={line ? t('traffic.commandHint', { line }) : undefined}>
            {t('traffic.start')}
          </button>
          <button type="button" className="btn btn-small" disabled={!running} title={t('traffic.stopHint')} onClick={() => useStore.getState().stopTerminal()}>
            {t('traffic.stop')}
          </button>
        </div>
        {line && <code className="traffic-line">$ {line}</code>}
      </form>
      <div className="traffic-live" aria-live="off">
        {traffic.length === 0 && <p className="empty">{t('traffic.empty')}</p>}
        {[...traffic].reverse().map((g) => <TrafficTable key={g.id} status={g} />)}
      </div>
    </div>
  );
}

/** The tab's label: "Traffic", with a live mark while a generator runs. */
export function TrafficTabLabel() {
  const { t } = useTranslation('network');
  const live = useStore((s) => s.traffic.some((g) => g.stoppedAt === undefined));
  return (
    <>
      {t('traffic.tab')}
      {live && <span className="badge badge-busy tab-count traffic-live-mark">● {t('traffic.live')}</span>}
    </>
  );
}

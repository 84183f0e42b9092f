/**
 * One traffic generator's table, as `sim traffic` prints it (BACKEND REQUESTS FAILED: a row per
 * pod that answered, `no-endpoint`, `total`), plus each pod's share so the balancing shows, the
 * success rate and a sparkline per virtual second. Rows link to the pod in the inspector.
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrafficStatus } from '../../protocol/types.ts';
import { useStore } from '../../store/index.ts';
import { successRate } from './podTraffic.ts';
import { Sparkline } from './Sparkline.tsx';

/** The pod key of a backend name (`web-…` in the target's namespace, or `ns/web-…`). */
function podKeyOf(backend: string): string | undefined {
  const pods = useStore.getState().byResource.pods ?? {};
  if (backend.includes('/')) return pods[`pods/${backend}`] ? `pods/${backend}` : undefined;
  if (pods[`pods/default/${backend}`]) return `pods/default/${backend}`;
  return Object.keys(pods).find((k) => k.endsWith(`/${backend}`));
}

export const TrafficTable = memo(function TrafficTable({ status, compact = false }: { status: TrafficStatus; compact?: boolean }) {
  const { t } = useTranslation('network');
  const rate = successRate(status.total.requests, status.total.failed);
  const running = status.stoppedAt === undefined;
  const pct = (n: number) => (status.total.requests > 0 ? Math.round((100 * n) / status.total.requests) : 0);
  const share = (n: number) => (status.total.requests > 0 ? `${pct(n)}%` : '');
  return (
    <div className={`traffic-gen${running ? ' is-running' : ''}`} data-testid="traffic-generator" data-target={status.target} data-running={running}>
      <div className="traffic-gen-head">
        <span className="mono traffic-target">{t('traffic.generator', { target: status.target, rps: status.rps })}</span>
        <span className="traffic-badges">
          <span className={`badge ${running ? 'badge-busy' : ''}`}>{running ? t('traffic.running') : t('traffic.stopped')}</span>{' '}
          {rate !== undefined && (
            <span className={`badge ${status.total.failed > 0 ? 'badge-bad' : 'badge-ok'}`} data-testid="traffic-success">{t('traffic.success', { rate })}</span>
          )}
        </span>
        {/* The totals, also in the table's last row: visible here when the dock is too short for it. */}
        <span className="traffic-totals">
          {t('traffic.totals', { count: status.total.requests })}{' · '}
          <span className={status.total.failed > 0 ? 'bad' : undefined}>{t('traffic.failedCount', { count: status.total.failed })}</span>
        </span>
        {!compact && <Sparkline series={status.series} label={t('traffic.sparkline', { count: Math.min(60, status.series.length) })} />}
      </div>
      <table className="traffic-table mono" data-testid="traffic-table">
        <thead>
          <tr>
            <th scope="col">{t('traffic.col.backend')}</th>
            <th scope="col" className="num">{t('traffic.col.requests')}</th>
            <th scope="col" className="num">{t('traffic.col.failed')}</th>
            <th scope="col" className="num">{t('traffic.col.share')}</th>
          </tr>
        </thead>
        <tbody>
          {status.rows.map((r) => {
            const key = podKeyOf(r.backend);
            return (
              <tr key={r.backend} data-testid="traffic-row" data-backend={r.backend} data-requests={r.requests} data-failed={r.failed} className={r.failed > 0 ? 'has-failed' : undefined}>
                <th scope="row">
                  {key ? <button type="button" className="link-button" onClick={() => useStore.getState().select({ kind: 'pod', key })}>{r.backend}</button> : r.backend}
                </th>
                <td className="num">{r.requests}</td>
                <td className="num">{r.failed}</td>
                <td className="num">
                  <span className="share-bar" style={{ width: `${(pct(r.requests) * 0.6).toFixed(1)}px` }} aria-hidden="true" />
                  {share(r.requests)}
                </td>
              </tr>
            );
          })}
          <tr data-testid="traffic-row" data-backend="no-endpoint" data-requests={status.noEndpoint} data-failed={status.noEndpoint} className={status.noEndpoint > 0 ? 'has-failed' : 'is-dim'}>
            <th scope="row">{t('traffic.noEndpoint')}</th>
            <td className="num">{status.noEndpoint}</td>
            <td className="num">{status.noEndpoint}</td>
            <td className="num">{share(status.noEndpoint)}</td>
          </tr>
          <tr data-testid="traffic-total" data-requests={status.total.requests} data-failed={status.total.failed} className="is-total">
            <th scope="row">{t('traffic.total')}</th>
            <td className="num">{status.total.requests}</td>
            <td className="num">{status.total.failed}</td>
            <td className="num" />
          </tr>
        </tbody>
      </table>
    </div>
  );
});

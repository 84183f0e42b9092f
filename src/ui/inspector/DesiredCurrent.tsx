/**
 * Desired vs current as a table: each row a status count against spec.replicas (`5 / 4`), the
 * gap highlighted while the controllers close it (DESIGN.md: make the gap and its closing
 * visible). The desired number is the same on every row, so it is not a column of its own: the
 * inspector is narrow.
 */
import { useTranslation } from 'react-i18next';

export interface CountRow {
  /** The status field, verbatim: `status.readyReplicas`. */
  field: string;
  label: string;
  current: number;
}

export function DesiredCurrent({ desired, rows }: { desired: number; rows: CountRow[] }) {
  const { t } = useTranslation('inspector');
  return (
    <table className="mini-table desired-current" data-testid="desired-current" data-desired={desired}>
      <caption className="visually-hidden">{t('workload.desiredVsCurrent')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('workload.field')}</th>
          <th scope="col">{t('workload.current')}</th>
          <th scope="col">{t('workload.gap')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const gap = r.current - desired;
          return (
            <tr key={r.field} className={gap === 0 ? 'gap-none' : 'gap-open'} data-field={r.field} data-current={r.current}>
              <th scope="row">
                {r.label} <span className="field-path mono">{r.field}</span>
              </th>
              <td className="mono count">{r.current}<span className="of-desired"> / {desired}</span></td>
              <td className="gap-cell">{gap === 0 ? t('workload.noGap') : gap < 0 ? t('workload.missing', { count: -gap }) : t('workload.extra', { count: gap })}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

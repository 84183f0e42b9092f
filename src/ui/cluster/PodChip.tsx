/**
 * One pod as a chip: name, kubectl STATUS and READY; coloured by phase; selectable. In compact
 * mode (many pods per node) a fixed-size square in the status colour, the text in its title and
 * accessible name. Hundreds of these exist, so a chip has no store subscription and no i18n hook
 * of its own: its list passes a ready-made model (see podChipModel.ts), the selection and `t`,
 * and memo keeps every chip whose model did not change from re-rendering.
 */
import { memo } from 'react';
import type { TFunction } from 'i18next';
import { useStore } from '../../store/index.ts';
import type { PodChipModel } from './podChipModel.ts';
import type { PodMark } from '../traffic/podMarks.ts';

/**
 * `pod.label` with interpolation done by hand: the translated template is fetched once per `t`
 * (language), because i18next's interpolation on every dot's status change showed in profiles.
 */
const templates = new WeakMap<TFunction<'cluster'>, string>();
const NAME = '\u0001', STATUS = '\u0002', READY = '\u0003';
function podLabel(t: TFunction<'cluster'>, name: string, status: string, ready: string): string {
  let tpl = templates.get(t);
  if (tpl === undefined) templates.set(t, (tpl = t('pod.label', { name: NAME, status: STATUS, ready: READY })));
  return tpl.replace(NAME, () => name).replace(STATUS, () => status).replace(READY, () => ready);
}

const toggle = (podKey: string, selected: boolean) => useStore.getState().select(selected ? undefined : { kind: 'pod', key: podKey });

/**
 * `link`: how the selected config or network object reaches this pod (CSS `link-<link>`);
 * `hits`/`failing`: traffic it answered, and whether its recent requests failed; `hitsLabel` is
 * the badge's accessible text ("12 requests, some failed"), made by the list.
 */
export interface PodChipMarks {
  link?: PodMark['link'];
  hits?: number;
  failing?: boolean;
  hitsLabel?: string;
}

export const PodChip = memo(function PodChip({ pod, selected, compact = false, t, link, hits, failing, hitsLabel }: { pod: PodChipModel; selected: boolean; compact?: boolean; t: TFunction<'cluster'> } & PodChipMarks) {
  const { name, status, ready, owner, role } = pod;
  const marks = `${link ? ` link-${link}` : ''}${hits !== undefined ? ' has-hits' : ''}${failing ? ' is-failing' : ''}`;
  const base = compact ? `${name}  ${status}  ${ready}` : pod.whyMessage ?? (owner ? t('pod.owner', { owner }) : undefined);
  return (
    <button
      type="button"
      className={`pod-chip tone-${pod.tone}${compact ? ' dot' : ''}${role ? ` owner-${role}` : ''}${marks}`}
      title={hitsLabel ? `${base ?? name} · ${hitsLabel}` : base}
      data-testid="pod"
      data-name={name}
      data-namespace={pod.namespace}
      data-node={pod.node}
      data-phase={pod.phase}
      data-status={status}
      data-ready={ready}
      data-owner={owner}
      data-owner-role={role}
      data-link={link}
      data-hits={hits}
      data-failing={failing ? 'true' : undefined}
      aria-pressed={selected}
      aria-label={compact ? podLabel(t, name, status, ready) + (hitsLabel ? `, ${hitsLabel}` : '') : undefined}
      onClick={() => toggle(pod.key, selected)}
    >
      {!compact && (
        <>
          <span className="pod-name">{name}</span>
          <span className="pod-meta">
            <span className="pod-status">{status}</span>
            <span className="pod-ready">{ready}</span>
          </span>
          {hits !== undefined && (
            <span className="pod-hits">
              <span aria-hidden="true">{failing ? '✗ ' : '⇄ '}{hits}</span>
              {hitsLabel && <span className="visually-hidden">{hitsLabel}</span>}
            </span>
          )}
          {pod.whyReason && <span className="pod-why">⚠ {pod.whyReason}</span>}
        </>
      )}
    </button>
  );
});

/**
 * The kubelet's heartbeat: the node's Lease renewTime. A heart pulses on each renewal; when
 * renewals stop it turns red and counts the silence in kubectl's age format ("no heartbeat for 35s", "… for 2h8m").
 */
import { useTranslation } from 'react-i18next';
import { humanDuration } from '../../protocol/format.ts';
import { useStore } from '../../store/index.ts';
import { heartbeatAge, leaseKey, STALE_AFTER_S } from './useNodeUsage.ts';

export function NodeHeartbeat({ name }: { name: string }) {
  const { t } = useTranslation('nodes');
  const renewTime = useStore((s) => (s.byResource['leases.coordination.k8s.io']?.[leaseKey(name)]?.spec as { renewTime?: string } | undefined)?.renewTime);
  // A healthy node's age is not selected (it would redraw every card each virtual second, 64 times
  // a second at 64×): the pulse on each renewal says it is alive. Only a silence is counted.
  const age = useStore((s) => {
    const a = heartbeatAge(s, name);
    return a === undefined ? undefined : a >= STALE_AFTER_S ? a : 0;
  });
  const stale = age !== undefined && age >= STALE_AFTER_S;
  const text = age === undefined ? t('card.heartbeatNone') : stale ? t('card.heartbeatStale', { age: humanDuration(age * 1000) }) : t('card.heartbeat');
  return (
    <span className={`heartbeat${stale ? ' stale' : ''}`} title={t('card.heartbeatHint')} data-testid="heartbeat" data-stale={stale ? 'true' : 'false'}>
      {/* Keyed on renewTime: a new element restarts the pulse animation on every renewal. */}
      <span key={renewTime ?? 'none'} className={`heart${stale ? '' : ' pulse'}`} aria-hidden="true">{/* U+FE0E: the text glyph, not a big pink emoji. */}{stale ? '♡\uFE0E' : '♥\uFE0E'}</span>
      <span>{text}</span>
    </span>
  );
}

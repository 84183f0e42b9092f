/** The virtual clock `t=00:42`; re-renders once per virtual second. */
import { useTranslation } from 'react-i18next';
import { clockText } from '../../protocol/format.ts';
import { useStore } from '../../store/index.ts';

export function VirtualClock() {
  const { t } = useTranslation('app');
  const sec = useStore((s) => Math.floor(s.playback.now / 1000));
  const text = clockText(sec * 1000);
  return (
    <span className="clock mono" data-testid="clock" aria-label={t('clock.label', { time: text })} title={t('clock.hint')}>
      t={text}
    </span>
  );
}

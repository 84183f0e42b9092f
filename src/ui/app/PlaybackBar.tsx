/** Play/Pause toggle, Step, and the Speed select (accessible names: Play, Pause, Step, Speed). */
import { useTranslation } from 'react-i18next';
import { FAST_SPEED, SPEEDS } from '../../protocol/messages.ts';
import { useStore } from '../../store/index.ts';

export function PlaybackBar() {
  const { t } = useTranslation('app');
  const playing = useStore((s) => s.playback.playing);
  const speed = useStore((s) => s.playback.speed);
  const busy = useStore((s) => s.busy);
  const play = useStore((s) => s.play);
  const pause = useStore((s) => s.pause);
  const step = useStore((s) => s.step);
  const setSpeed = useStore((s) => s.setSpeed);
  return (
    <div className="playback" role="group" aria-label={t('playback.group')}>
      <button type="button" className="btn btn-primary" onClick={playing ? pause : play} aria-label={playing ? t('playback.pause') : t('playback.play')}>
        <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span> {playing ? t('playback.pause') : t('playback.play')}
      </button>
      <button type="button" className="btn" onClick={step} aria-label={t('playback.step')} title={t('playback.stepHint')}>
        {t('playback.step')} <span aria-hidden="true">▸|</span>
      </button>
      <label className="speed">
        <span className="visually-hidden">{t('playback.speed')}</span>
        <select aria-label={t('playback.speed')} value={String(speed)} onChange={(e) => setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => <option key={s} value={String(s)}>{t('playback.speedValue', { speed: s })}</option>)}
        </select>
      </label>
      {busy && <span className="badge badge-busy" title={speed >= FAST_SPEED ? t('playback.fastHint', { speed: FAST_SPEED }) : t('playback.busyHint')}>{t('playback.busy')}</span>}
    </div>
  );
}

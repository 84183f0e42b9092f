/** Title, seed, virtual clock, playback bar, language. */
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/index.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { PlaybackBar } from './PlaybackBar.tsx';
import { VirtualClock } from './VirtualClock.tsx';

export function Header() {
  const { t } = useTranslation('app');
  const seed = useStore((s) => s.seed);
  return (
    <header className="app-header">
      <h1 className="app-title">{t('title')}</h1>
      <span className="tagline">{t('tagline')}</span>
      <div className="header-right">
        <span className="seed mono" title={t('seedHint')}>{t('seed', { seed })}</span>
        <VirtualClock />
        <PlaybackBar />
        <LanguageSwitch />
      </div>
    </header>
  );
}

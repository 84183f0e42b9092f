/** EN | 한 switch. */
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../i18n/index.ts';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation('app');
  return (
    <div className="lang" role="group" aria-label={t('language')}>
      {LANGUAGES.map((l) => (
        <button
          key={l.code}
          type="button"
          className="btn btn-small"
          lang={l.code}
          aria-pressed={i18n.resolvedLanguage === l.code}
          onClick={() => void i18n.changeLanguage(l.code)}
        >
          {l.label}
        </button>
      ))}
    </div>
  );
}

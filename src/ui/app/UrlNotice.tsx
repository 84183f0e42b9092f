/**
 * Says which address options (`?seed=`, `?workers=`, `?lang=`) were ignored and why, so a
 * mistyped lesson link does not silently run a different cluster. Dismissible.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANG_CODES, SEED_RANGE, WORKERS_RANGE, type IgnoredParam } from './urlOptions.ts';

/** A pasted address can carry anything; quote at most this much of a value. */
const MAX_QUOTED = 60;

function quoted(value: string): string {
  return value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED)}…` : value;
}

export function UrlNotice({ ignored }: { ignored: readonly IgnoredParam[] }) {
  const { t } = useTranslation('app');
  const [open, setOpen] = useState(true);
  if (!open || ignored.length === 0) return null;
  return (
    <div className="url-notice" role="status" data-testid="url-notice">
      <ul>
        {ignored.map((p) => (
          <li key={p.param}>
            {p.param === 'lang'
              ? t('url.ignoredLang', { value: quoted(p.value), languages: LANG_CODES.join(', ') })
              : t('url.ignoredNumber', {
                  param: p.param,
                  value: quoted(p.value),
                  ...(p.param === 'seed' ? SEED_RANGE : WORKERS_RANGE),
                })}
          </li>
        ))}
      </ul>
      <button type="button" className="btn btn-small" onClick={() => setOpen(false)}>{t('url.dismiss')}</button>
    </div>
  );
}

/**
 * i18next setup. Every `en/<namespace>.ts` (and `ko/<namespace>.ts`) default-exports a plain
 * object of strings; files are picked up by glob so each helper adds its namespace without
 * touching this file. Kubernetes output (kubectl text, event reasons and messages) is never
 * translated.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

type Strings = Record<string, unknown>;

function collect(modules: Record<string, { default: Strings }>): Record<string, Strings> {
  const out: Record<string, Strings> = {};
  for (const [path, mod] of Object.entries(modules)) {
    const ns = path.replace(/^.*\/([^/]+)\.ts$/, '$1');
    out[ns] = mod.default;
  }
  return out;
}

const en = collect(import.meta.glob<{ default: Strings }>('./en/*.ts', { eager: true }));
const ko = collect(import.meta.glob<{ default: Strings }>('./ko/*.ts', { eager: true }));

/** Languages offered by the header's switch. */
export const LANGUAGES = [
  { code: 'en', label: 'EN' },
  { code: 'ko', label: '한' },
] as const;

/** `?lang=ko` (lessons, tests), else the browser's language. Nothing is persisted. */
function initialLanguage(): string {
  const param = new URLSearchParams(globalThis.location?.search ?? '').get('lang');
  if (param && LANGUAGES.some((l) => l.code === param)) return param;
  const nav = globalThis.navigator?.language ?? 'en';
  return nav.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

void i18next.use(initReactI18next).init({
  resources: { en, ko },
  lng: initialLanguage(),
  fallbackLng: 'en',
  ns: Object.keys(en),
  defaultNS: 'app',
  interpolation: { escapeValue: false }, // React escapes; strings are rendered as text
  returnNull: false,
});

i18next.on('languageChanged', (lng) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
});
if (typeof document !== 'undefined') document.documentElement.lang = i18next.language;

export default i18next;

import { LANGUAGES, type Language } from '../api/api-types.js';
import { useI18n } from './i18n-context.js';

const NAMES: Record<Language, string> = { nl: 'Nederlands', fr: 'Français', en: 'English' };

export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t('header.language')}</span>
      <select data-testid="language-switch" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}

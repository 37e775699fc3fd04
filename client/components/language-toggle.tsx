import { useTranslation } from 'react-i18next';
import { switchLanguage } from '../i18n/setup-i18n.ts';

export function LanguageToggle() {
  const { t, i18n } = useTranslation();
  return (
    <button type="button" className="lang-toggle" onClick={() => void switchLanguage(i18n.language === 'en' ? 'zh' : 'en')}>
      {t('lang.toggle')}
    </button>
  );
}

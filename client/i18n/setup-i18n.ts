import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { zh } from './zh.ts';

export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'liftmap.lang';

/** Chinese by default; the toggle's choice is remembered on this device. */
export function setupI18n(): typeof i18next {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  const fromUrl = new URLSearchParams(location.search).get('lang');
  const lng = [fromUrl, stored].find((l): l is Language => (LANGUAGES as readonly (string | null)[]).includes(l)) ?? 'zh';
  void i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'zh',
    resources: { zh: { translation: zh }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
  i18next.on('languageChanged', (l) => {
    localStorage.setItem(STORAGE_KEY, l);
    document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
  });
  document.documentElement.lang = lng === 'zh' ? 'zh-CN' : 'en';
  return i18next;
}

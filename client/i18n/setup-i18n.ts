import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'liftmap.lang';

/** Each language's dictionary is a chunk of its own, fetched when that language is first shown. */
const DICTIONARIES: Record<Language, () => Promise<Record<string, unknown>>> = {
  zh: () => import('./zh.ts').then((m) => m.zh),
  en: () => import('./en.ts').then((m) => m.en),
};

async function ensureLoaded(lng: Language): Promise<void> {
  if (!i18next.hasResourceBundle(lng, 'translation')) i18next.addResourceBundle(lng, 'translation', await DICTIONARIES[lng]());
}

/** Shows the page in `lng`, fetching its dictionary first (the language toggle). */
export async function switchLanguage(lng: Language): Promise<void> {
  await ensureLoaded(lng);
  await i18next.changeLanguage(lng);
}

/** Chinese by default; the toggle's choice is remembered on this device. Resolves once the page's language can be shown. */
export async function setupI18n(): Promise<typeof i18next> {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  const fromUrl = new URLSearchParams(location.search).get('lang');
  const lng = [fromUrl, stored].find((l): l is Language => (LANGUAGES as readonly (string | null)[]).includes(l)) ?? 'zh';
  // Every dictionary holds every key (en.ts is typed as zh.ts's Messages), so there is no fallback to fetch.
  await i18next.use(initReactI18next).init({ lng, fallbackLng: false, resources: {}, interpolation: { escapeValue: false } });
  await ensureLoaded(lng);
  i18next.on('languageChanged', (l) => {
    localStorage.setItem(STORAGE_KEY, l);
    document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
  });
  document.documentElement.lang = lng === 'zh' ? 'zh-CN' : 'en';
  return i18next;
}

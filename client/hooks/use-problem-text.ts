import { useTranslation } from 'react-i18next';
import type { Problem } from '../../geo/problems/index.ts';

/** A problem in the screen's language: Chinese first, English on the toggle. */
export function useProblemText(): (p: Problem) => string {
  const { i18n } = useTranslation();
  return (p) => (i18n.language === 'en' ? p.en : p.zh);
}

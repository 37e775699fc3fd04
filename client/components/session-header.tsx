import { LanguageToggle } from './language-toggle.tsx';
import { useTranslation } from 'react-i18next';
import type { useSession } from '../hooks/use-session.ts';

/** A signed-in page's header: title, language, sign-out. */
export function SessionHeader({ title, session }: { title: string; session: ReturnType<typeof useSession> }) {
  const { t } = useTranslation();
  return (
    <header>
      <h1>{title}</h1>
      <LanguageToggle />
      {session.user && (
        <button type="button" onClick={() => session.logout.mutate()}>
          {t('canvass.signOut')}
        </button>
      )}
    </header>
  );
}

import { LanguageToggle } from './language-toggle.tsx';
import { useTranslation } from 'react-i18next';
import type { useSession } from '../hooks/use-session.ts';

/** A signed-in page's header: title, language, sign-out (also without signal, on the phone's copy: it clears that copy). */
export function SessionHeader({ title, session, signedIn = session.user !== null }: { title: string; session: ReturnType<typeof useSession>; signedIn?: boolean }) {
  const { t } = useTranslation();
  return (
    <header>
      <h1>{title}</h1>
      <LanguageToggle />
      {signedIn && (
        <button type="button" onClick={() => session.logout.mutate()}>
          {t('canvass.signOut')}
        </button>
      )}
    </header>
  );
}

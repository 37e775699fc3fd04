import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../hooks/use-session.ts';
import { LoginForm } from './canvass/login-form.tsx';

/** Staff work (planning) behind a sign-in: the login form, a note for other roles, or the page. */
export function StaffOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  if (session.loading) return null;
  if (!session.user)
    return (
      <div className="canvass staff">
        <LoginForm session={session} />
      </div>
    );
  if (session.user.role !== 'admin' && session.user.role !== 'planner')
    return (
      <p role="alert" className="canvass staff">
        {t('staff.needStaff')}
      </p>
    );
  return <>{children}</>;
}

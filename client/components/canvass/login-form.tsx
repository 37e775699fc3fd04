import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { useSession } from '../../hooks/use-session.ts';
import { refusalText } from '../../hooks/use-problem-text.ts';

export function LoginForm({ session }: { session: ReturnType<typeof useSession> }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  return (
    <form
      className="login"
      onSubmit={(e) => {
        e.preventDefault();
        session.login.mutate({ username, password });
      }}
    >
      <label>
        {t('canvass.username')}
        <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} />
      </label>
      <label>
        {t('canvass.password')}
        <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      {session.login.error && <p role="alert">{refusalText(session.login.error)}</p>}
      <button type="submit" disabled={session.login.isPending}>
        {t('canvass.signIn')}
      </button>
    </form>
  );
}

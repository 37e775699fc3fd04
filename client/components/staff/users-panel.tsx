import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../geo/access/roles.ts';
import { useTRPC } from '../../trpc.ts';
import { refusalText } from '../../hooks/use-problem-text.ts';

/**
 * 账号管理 for admins, as `npm run user` does it: add a user, reset a
 * password, disable or enable, change the role and the canvasser link. A new
 * or reset password is shown once, here, to be passed on in person.
 */
export function UsersPanel({ me }: { me: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useQueryClient();
  const list = useQuery(trpc.users.list.queryOptions());
  const [shown, setShown] = useState<{ username: string; password: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const done = { onSuccess: () => client.invalidateQueries({ queryKey: trpc.users.list.queryKey() }), onError: (e: unknown) => setError(refusalText(e)) };
  const add = useMutation(trpc.users.add.mutationOptions(done));
  const reset = useMutation(trpc.users.reset.mutationOptions(done));
  const disable = useMutation(trpc.users.disable.mutationOptions(done));
  const enable = useMutation(trpc.users.enable.mutationOptions(done));
  const setRole = useMutation(trpc.users.setRole.mutationOptions(done));
  const [draft, setDraft] = useState({ username: '', role: 'canvasser' as Role, canvasser: '' });
  const [editing, setEditing] = useState<{ username: string; role: Role; canvasser: string } | null>(null);
  const run = (f: () => void) => {
    setError(null);
    setShown(null);
    f();
  };
  return (
    <section className="staff-card users-panel" data-testid="users-panel">
      <h2>{t('users.title')}</h2>
      {shown && (
        <p className="password-once" role="status" data-testid="password-once">
          {t('users.passwordOnce', { username: shown.username })} <code>{shown.password}</code>
        </p>
      )}
      {error && <p role="alert">{error}</p>}
      <table className="users-table">
        <thead>
          <tr>
            <th>{t('users.username')}</th>
            <th>{t('users.role')}</th>
            <th>{t('users.canvasser')}</th>
            <th>{t('users.state')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(list.data ?? []).map((u) => (
            <tr key={u.username} data-username={u.username}>
              <td>{u.username}</td>
              <td>
                {editing?.username === u.username ? (
                  <select name="editRole" value={editing.role} onChange={(e) => setEditing({ ...editing, role: e.target.value as Role })}>
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(`userRoles.${r}`)}
                      </option>
                    ))}
                  </select>
                ) : (
                  t(`userRoles.${u.role}`)
                )}
              </td>
              <td>
                {editing?.username === u.username && (editing.role === 'canvasser' || editing.role === 'maintainer') ? (
                  <input name="editCanvasser" value={editing.canvasser} placeholder={editing.role === 'maintainer' ? 'TS3431088-2028' : 'C03'} maxLength={40} onChange={(e) => setEditing({ ...editing, canvasser: e.target.value })} />
                ) : (
                  (u.canvasser ?? u.maintainerLicence ?? '')
                )}
              </td>
              <td>{u.disabledAt ? t('users.disabled') : t('users.active')}</td>
              <td className="actions">
                {u.username !== me && (
                  <>
                    {editing?.username === u.username ? (
                      <button
                        type="button"
                        onClick={() =>
                          run(() =>
                            setRole.mutate(
                              { username: u.username, role: editing.role, ...(editing.role === 'maintainer' ? { maintainerLicence: editing.canvasser } : { canvasser: editing.canvasser || undefined }), estateId: u.estateId ?? undefined },
                              { onSuccess: () => setEditing(null) },
                            ),
                          )
                        }
                      >
                        {t('users.saveRole')}
                      </button>
                    ) : (
                      <button type="button" onClick={() => setEditing({ username: u.username, role: u.role, canvasser: u.canvasser ?? u.maintainerLicence ?? '' })}>
                        {t('users.changeRole')}
                      </button>
                    )}
                    <button type="button" onClick={() => run(() => reset.mutate({ username: u.username }, { onSuccess: (r) => setShown({ username: u.username, password: r.password }) }))}>
                      {t('users.reset')}
                    </button>
                    {u.disabledAt ? (
                      <button type="button" onClick={() => run(() => enable.mutate({ username: u.username }))}>
                        {t('users.enable')}
                      </button>
                    ) : (
                      <button type="button" onClick={() => run(() => disable.mutate({ username: u.username }))}>
                        {t('users.disable')}
                      </button>
                    )}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="users-add"
        onSubmit={(e) => {
          e.preventDefault();
          run(() =>
            add.mutate(
              {
                username: draft.username.trim(),
                role: draft.role,
                canvasser: draft.role === 'canvasser' ? draft.canvasser.trim() || undefined : undefined,
                maintainerLicence: draft.role === 'maintainer' ? draft.canvasser.trim() : undefined,
              },
              {
                onSuccess: (r) => {
                  setShown({ username: draft.username.trim(), password: r.password });
                  setDraft({ username: '', role: draft.role, canvasser: '' });
                },
              },
            ),
          );
        }}
      >
        <h3>{t('users.add')}</h3>
        <label>
          {t('users.username')}
          <input name="newUsername" required minLength={2} maxLength={40} value={draft.username} onChange={(e) => setDraft({ ...draft, username: e.target.value })} />
        </label>
        <label>
          {t('users.role')}
          <select name="newRole" value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value as Role })}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`userRoles.${r}`)}
              </option>
            ))}
          </select>
        </label>
        {draft.role === 'canvasser' && (
          <label>
            {t('users.canvasser')}
            <input name="newCanvasser" placeholder="C03" maxLength={40} value={draft.canvasser} onChange={(e) => setDraft({ ...draft, canvasser: e.target.value })} />
          </label>
        )}
        {draft.role === 'maintainer' && (
          <label>
            {t('users.maintainerLicence')}
            <input name="newLicence" placeholder="TS3431088-2028" maxLength={40} required value={draft.canvasser} onChange={(e) => setDraft({ ...draft, canvasser: e.target.value })} />
          </label>
        )}
        <button type="submit" disabled={add.isPending}>
          {t('users.addButton')}
        </button>
      </form>
    </section>
  );
}

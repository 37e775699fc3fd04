import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc.ts';
import { refusalText } from '../../hooks/use-problem-text.ts';

/** 备份 for admins: run an online backup now, see every backup with its size, download one. */
export function BackupsPanel() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useQueryClient();
  const list = useQuery(trpc.admin.backups.queryOptions());
  const run = useMutation(
    trpc.admin.runBackup.mutationOptions({
      onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: trpc.admin.backups.queryKey() }), client.invalidateQueries({ queryKey: trpc.admin.lastBackup.queryKey() })]),
    }),
  );
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  return (
    <section className="staff-card backups-panel" data-testid="backups-panel">
      <h2>{t('backups.title')}</h2>
      <p>
        <button type="button" onClick={() => run.mutate({ confirm: true })} disabled={run.isPending}>
          {run.isPending ? t('backups.running') : t('backups.run')}
        </button>
      </p>
      {run.data && (
        <p role="status" className="ok">
          {t('backups.done', { file: run.data.file, size: mb(run.data.bytes) })}
        </p>
      )}
      {run.error && <p role="alert">{refusalText(run.error)}</p>}
      {list.data && list.data.length === 0 && <p>{t('backups.none')}</p>}
      {list.data && list.data.length > 0 && (
        <table className="backups-table">
          <thead>
            <tr>
              <th>{t('backups.at')}</th>
              <th>{t('backups.size')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.data.map((b) => (
              <tr key={b.id} data-backup={b.id}>
                <td>{b.at.slice(0, 16).replace('T', ' ')}</td>
                <td>{mb(b.bytes)} MB</td>
                <td>
                  <a href={`/api/backups/${b.id}.db`} download={b.file}>
                    {t('backups.download')}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted">{t('backups.note')}</p>
    </section>
  );
}

import { useTranslation } from 'react-i18next';

/** Loading and error states with a way out; never a blank screen. */
export function LoadState({ error, refetch }: { error: { message: string } | null; refetch: () => void }) {
  const { t } = useTranslation();
  if (!error) return <p className="load-state">{t('state.loading')}</p>;
  return (
    <div className="load-state error" role="alert">
      <p>{t('state.error', { message: error.message })}</p>
      <button type="button" onClick={refetch}>
        {t('state.retry')}
      </button>
    </div>
  );
}

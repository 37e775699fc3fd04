import { useTranslation } from 'react-i18next';
import { refusalText } from '../hooks/use-problem-text.ts';

/** Loading and error states with a way out; never a blank screen. */
export function LoadState({ error, refetch }: { error: unknown; refetch: () => void }) {
  const { t } = useTranslation();
  if (!error) return <p className="load-state">{t('state.loading')}</p>;
  return (
    <div className="load-state error" role="alert">
      <p>{t('state.error', { message: refusalText(error) })}</p>
      <button type="button" onClick={refetch}>
        {t('state.retry')}
      </button>
    </div>
  );
}

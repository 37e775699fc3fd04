import { useTranslation } from 'react-i18next';

/** The moment a stairwell passes: its door number, large, over the map. */
export function PassedBanner({ door }: { door: string }) {
  const { t } = useTranslation();
  return (
    <div className="passed-banner" role="status" data-testid="passed-banner">
      {t('live.passed', { door })}
    </div>
  );
}

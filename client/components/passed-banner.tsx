import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The moment a stairwell passes: its door number, large, for ten seconds. */
export function PassedBanner({ door }: { door: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(true);
  useEffect(() => {
    const timer = setTimeout(() => setShown(false), 10_000);
    return () => clearTimeout(timer);
  }, []);
  return shown ? (
    <div className="passed-banner" role="status" data-testid="passed-banner">
      {t('live.passed', { door })}
    </div>
  ) : null;
}

import { useTranslation } from 'react-i18next';

/** The planning views: phasing, priority parking, and the adopted programme against progress. */
export function PlanTabs({ current }: { current: 'phasing' | 'parking' | 'programme' }) {
  const { t } = useTranslation();
  return (
    <nav className="plan-tabs">
      <a href="/plan" aria-current={current === 'phasing' ? 'page' : undefined}>
        {t('parking.phasingTab')}
      </a>
      <a href="/plan?view=parking" aria-current={current === 'parking' ? 'page' : undefined}>
        {t('parking.tab')}
      </a>
      <a href="/plan?view=programme" aria-current={current === 'programme' ? 'page' : undefined}>
        {t('programme.tab')}
      </a>
    </nav>
  );
}

import { useTranslation } from 'react-i18next';

/** The two planning views: phasing and priority parking. */
export function PlanTabs({ current }: { current: 'phasing' | 'parking' }) {
  const { t } = useTranslation();
  return (
    <nav className="plan-tabs">
      <a href="/plan" aria-current={current === 'phasing' ? 'page' : undefined}>
        {t('parking.phasingTab')}
      </a>
      <a href="/plan?view=parking" aria-current={current === 'parking' ? 'page' : undefined}>
        {t('parking.tab')}
      </a>
    </nav>
  );
}

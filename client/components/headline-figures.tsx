import { useTranslation } from 'react-i18next';
import type { Headline } from '../../server/queries/headline.ts';

const fmt = (n: number) => n.toLocaleString('en-US');

export function HeadlineFigures({ headline }: { headline: Headline }) {
  const { t } = useTranslation();
  const figures = [
    { key: 'passed', value: headline.stairwellsPassed, total: headline.stairwellTotal, label: t('headline.passed') },
    { key: 'signed', value: headline.flatsSigned, total: headline.flatTotal, label: t('headline.signed') },
    { key: 'elders', value: headline.eldersServed, total: headline.eldersUpstairs, label: t('headline.elders') },
  ];
  return (
    <dl className="headline">
      {figures.map((f) => (
        <div key={f.key} className="figure" data-testid={`headline-${f.key}`}>
          <dt>{f.label}</dt>
          <dd>
            <strong>{fmt(f.value)}</strong> <span>{t('headline.of', { total: fmt(f.total) })}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

import { useTranslation } from 'react-i18next';
import type { Headline } from '../wire.ts';

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * The three headline figures. 征询通过 counts only what staff confirmed; the
 * stairwells that meet the rule without confirmation (已达标) are said beside
 * it in their own words, from the same count.
 */
export function HeadlineFigures({ headline }: { headline: Headline }) {
  const { t } = useTranslation();
  const { campaign } = headline;
  const figures = [
    {
      key: 'confirmed' as const,
      value: campaign.confirmed,
      total: campaign.total,
      label: t('headline.confirmed'),
      note: campaign.ruleMet > 0 ? t('headline.ruleMet', { count: campaign.ruleMet }) : null,
      // Held up by money, not votes: said apart from 已达标, which waits on staff.
      money: (headline.moneyHeld ?? 0) > 0 ? t('headline.moneyHeld', { count: headline.moneyHeld }) : null,
    },
    { key: 'signed' as const, value: headline.flatsSigned, total: headline.flatTotal, label: t('headline.signed'), note: null, money: null },
    { key: 'elders' as const, value: headline.eldersServed, total: headline.eldersUpstairs, label: t('headline.elders'), note: null, money: null },
  ];
  return (
    <dl className="headline">
      {figures.map((f) => (
        <div key={f.key} className="figure" data-testid={`headline-${f.key}`}>
          <dt>{f.label}</dt>
          <dd>
            {/* Each figure names its unit, so 1,008 households and 1,008 residents are not read as one number. */}
            <strong>{fmt(f.value)}</strong> <span className="of">{t('headline.of', { total: fmt(f.total) })}</span> <span className="unit">{t(`headline.unit.${f.key}`)}</span>
            {f.note && (
              <small className="figure-note" data-testid={`headline-${f.key}-note`}>
                {f.note}
              </small>
            )}
            {f.money && (
              <small className="figure-note money" data-testid="headline-money-held">
                {f.money}
              </small>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

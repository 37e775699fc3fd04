import { useTranslation } from 'react-i18next';
import { yuan } from './paper-format.ts';
import type { PublicStairwell } from '../wire.ts';

/** What each floor pays by its coefficient, as the public page and the 公示 notice both show it. */
export function CostTable({ cost, className }: { cost: PublicStairwell['cost']; className?: string }) {
  const { t } = useTranslation();
  return (
    <table className={className}>
      <thead>
        <tr>
          <th>{t('publicPage.floor')}</th>
          <th>{t('publicPage.coefficient')}</th>
          <th>{t('publicPage.floorPays')}</th>
        </tr>
      </thead>
      <tbody>
        {cost.floors.map((f) => (
          <tr key={f.floor}>
            <th>{t('live.floor', { floor: f.floor })}</th>
            <td>{f.coefficient}%</td>
            <td>
              {yuan(f.floorPaysYuan)}
              {f.flatsOnFloor > 1 ? ` ${t('publicPage.splitByArea', { count: f.flatsOnFloor })}` : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

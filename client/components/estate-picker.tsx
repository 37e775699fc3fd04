import { useTranslation } from 'react-i18next';
import { chooseEstate } from '../estate-choice.ts';
import type { EstateSummary } from '../wire.ts';

/** Switches every screen to another estate; hidden while there is only one. */
export function EstatePicker({ estates, current }: { estates: readonly EstateSummary[]; current: number }) {
  const { t } = useTranslation();
  if (estates.length < 2) return null;
  return (
    <label className="estate-picker">
      <span>{t('estate.choose')}</span>
      <select name="estate" value={current} onChange={(e) => chooseEstate(Number(e.target.value))}>
        {estates.map((e) => (
          <option key={e.id} value={e.id}>
            {e.name}
          </option>
        ))}
      </select>
    </label>
  );
}

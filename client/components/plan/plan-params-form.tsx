import { useTranslation } from 'react-i18next';
import type { PlanParams } from '../../wire.ts';

/** The scenario's parameters; every change re-plans at once. */
export function PlanParamsForm({ params, onChange }: { params: PlanParams; onChange: (p: PlanParams) => void }) {
  const { t } = useTranslation();
  const number = (key: 'crews' | 'phaseDays' | 'zoneM' | 'maxParkingLossPerPhase', label: string, min: number, max: number, step = 1) => (
    <label>
      <span>{label}</span>
      <input
        type="number"
        name={key}
        min={min}
        max={max}
        step={step}
        value={params[key]}
        onChange={(e) => {
          const v = Number(e.target.value);
          if (Number.isFinite(v) && v >= min && v <= max) onChange({ ...params, [key]: v });
        }}
      />
    </label>
  );
  return (
    <fieldset className="plan-params">
      <legend>{t('plan.params')}</legend>
      {number('crews', t('plan.crews'), 1, 40)}
      {number('phaseDays', t('plan.phaseDays'), 7, 365)}
      <label>
        <span>{t('plan.startDate')}</span>
        <input type="date" name="startDate" value={params.startDate} onChange={(e) => e.target.value && onChange({ ...params, startDate: e.target.value })} />
      </label>
      {number('zoneM', t('plan.zoneM'), 1, 30, 0.5)}
      {number('maxParkingLossPerPhase', t('plan.maxParking'), 0, 200)}
      <label>
        <span>{t('plan.include')}</span>
        <select name="include" value={params.include} onChange={(e) => onChange({ ...params, include: e.target.value as PlanParams['include'] })}>
          <option value="passed">{t('plan.includePassed')}</option>
          <option value="possible">{t('plan.includePossible')}</option>
        </select>
      </label>
    </fieldset>
  );
}

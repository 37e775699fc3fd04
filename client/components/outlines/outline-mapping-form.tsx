import { useTranslation } from 'react-i18next';
import type { OutlineMapping } from '../../../geo/outlines/index.ts';

/**
 * Which attribute holds the floors and which the building code (guessed,
 * changeable), the floors a walk-up of the campaign has, and how long a
 * stairwell is along its block.
 */
export function OutlineMappingForm({ fields, mapping, onChange }: { fields: string[]; mapping: OutlineMapping; onChange: (m: OutlineMapping) => void }) {
  const { t } = useTranslation();
  const field = (key: 'floorsField' | 'codeField') => (
    <select name={key} value={mapping[key] ?? ''} onChange={(e) => onChange({ ...mapping, [key]: e.target.value || null })}>
      <option value="">{t(key === 'floorsField' ? 'outlines.noFloorsField' : 'outlines.noCodeField')}</option>
      {fields.map((f) => (
        <option key={f} value={f}>
          {f}
        </option>
      ))}
    </select>
  );
  const number = (key: 'minFloors' | 'maxFloors' | 'metresPerStairwell', min: number, max: number) => (
    <input
      type="number"
      name={key}
      min={min}
      max={max}
      value={mapping[key]}
      onChange={(e) => {
        const n = Number(e.target.value);
        if (Number.isFinite(n) && n >= min && n <= max) onChange({ ...mapping, [key]: n });
      }}
    />
  );
  return (
    <fieldset className="outline-mapping">
      <legend>{t('outlines.mapping')}</legend>
      <label>
        {t('outlines.floorsField')}
        {field('floorsField')}
      </label>
      <label>
        {t('outlines.codeField')}
        {field('codeField')}
      </label>
      <label>
        {t('outlines.floorsRange')}
        <span className="range">
          {number('minFloors', 1, 40)} – {number('maxFloors', 1, 40)}
        </span>
      </label>
      <label>
        {t('outlines.metresPerStairwell')}
        {number('metresPerStairwell', 5, 60)}
      </label>
    </fieldset>
  );
}

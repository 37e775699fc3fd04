import { useTranslation } from 'react-i18next';
import type { BuildingChoice } from '../../../geo/outlines/index.ts';

export type BuildingEdit = Partial<Pick<BuildingChoice, 'code' | 'floors' | 'stairwellCount'>>;

/**
 * The buildings the estate will have, before anything is written: code,
 * floors and stairwells (estimated from length, editable), and the length
 * the estimate came from.
 */
export function OutlineBuildingTable({
  buildings,
  codes,
  lengths,
  onEdit,
}: {
  buildings: BuildingChoice[];
  /** Each building's code as it will be stored (generated ones included). */
  codes: Map<string, string>;
  lengths: Map<string, number>;
  onEdit: (outlineId: string, edit: BuildingEdit) => void;
}) {
  const { t } = useTranslation();
  const total = buildings.reduce((n, b) => n + b.stairwellCount, 0);
  return (
    <div className="outline-buildings">
      <p data-testid="outline-summary">{t('outlines.summary', { buildings: buildings.length, stairwells: total })}</p>
      {buildings.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t('outlines.code')}</th>
              <th>{t('outlines.floors')}</th>
              <th>{t('outlines.length')}</th>
              <th>{t('outlines.stairwells')}</th>
            </tr>
          </thead>
          <tbody>
            {buildings.map((b) => (
              <tr key={b.outlineId} data-outline={b.outlineId}>
                <td>
                  <input
                    name="code"
                    value={codes.get(b.outlineId) ?? ''}
                    maxLength={40}
                    onChange={(e) => onEdit(b.outlineId, { code: e.target.value.trim() === '' ? null : e.target.value })}
                  />
                </td>
                <td>
                  <input type="number" name="floors" min={1} max={40} value={b.floors} onChange={(e) => onEdit(b.outlineId, { floors: clamp(e.target.value, 1, 40, b.floors) })} />
                </td>
                <td className="num">{lengths.get(b.outlineId)?.toFixed(0)} m</td>
                <td>
                  <input
                    type="number"
                    name="stairwells"
                    min={1}
                    max={20}
                    value={b.stairwellCount}
                    onChange={(e) => onEdit(b.outlineId, { stairwellCount: clamp(e.target.value, 1, 20, b.stairwellCount) })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function clamp(text: string, min: number, max: number, fallback: number): number {
  const n = Number(text);
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

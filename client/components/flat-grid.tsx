import { useTranslation } from 'react-i18next';
import { STATUS_PALETTE } from '../../geo/palette/index.ts';
import type { StairwellDetail } from '../wire.ts';

/** Floor × room grid, top floor first as the building stands; to-do flats are ringed. */
export function FlatGrid({ flats, todo }: { flats: StairwellDetail['flats']; todo: Set<number> }) {
  const { t, i18n } = useTranslation();
  const floors = [...new Set(flats.map((f) => f.floor))].sort((a, b) => b - a);
  return (
    <table className="flat-grid" aria-label={t('panel.grid')}>
      <tbody>
        {floors.map((floor) => (
          <tr key={floor}>
            <th scope="row">{floor}F</th>
            {flats
              .filter((f) => f.floor === floor)
              .map((f) => {
                const entry = STATUS_PALETTE[f.status];
                return (
                  <td
                    key={f.id}
                    data-room={f.room}
                    data-status={f.status}
                    className={todo.has(f.id) ? 'to-sign' : undefined}
                    style={{ background: entry.color, color: entry.text }}
                    title={f.sharesVoter ? t('panel.sharedVoter') : undefined}
                  >
                    <span className="room">{f.room}</span>
                    <span className="status">{i18n.language === 'en' ? entry.en : entry.zh}</span>
                    {/* Touch screens have no hover: a voter holding several flats is marked on the cell itself. */}
                    {f.sharesVoter && <span className="shared-voter">{t('panel.sharedVoter')}</span>}
                    <span className="area">{f.areaM2 === null ? t('panel.noArea') : t('panel.area', { area: f.areaM2.toFixed(2) })}</span>
                  </td>
                );
              })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

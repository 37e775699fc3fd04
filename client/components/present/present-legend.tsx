import { useTranslation } from 'react-i18next';
import { MAP_LEGEND_ORDER, MAP_PALETTE, type MapColorKey } from '../../../geo/palette/index.ts';

/**
 * The colours a slide's map shows, with how many stairwells wear each;
 * colours nobody wears are left out, unless `keys` fixes the list (the replay
 * lists every colour of the whole replay from its first day).
 */
export function PresentLegend({ counts, keys }: { counts: Partial<Record<MapColorKey, number>>; keys?: readonly MapColorKey[] }) {
  const { i18n } = useTranslation();
  const shown = MAP_LEGEND_ORDER.filter((k) => (keys ? keys.includes(k) : (counts[k] ?? 0) > 0));
  return (
    <ul className="present-legend">
      {shown.map((k) => (
        <li key={k} data-key={k}>
          <span className="swatch" style={{ background: MAP_PALETTE[k].color }} />
          <span>{i18n.language === 'en' ? MAP_PALETTE[k].en : MAP_PALETTE[k].zh}</span>
          <b>{counts[k] ?? 0}</b>
        </li>
      ))}
    </ul>
  );
}

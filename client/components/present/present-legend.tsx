import { useTranslation } from 'react-i18next';
import { MAP_LEGEND_ORDER, MAP_PALETTE, type MapColorKey } from '../../../geo/palette/index.ts';

/** The colours a slide's map shows, with how many stairwells wear each; colours nobody wears are left out. */
export function PresentLegend({ counts }: { counts: Partial<Record<MapColorKey, number>> }) {
  const { i18n } = useTranslation();
  const shown = MAP_LEGEND_ORDER.filter((k) => (counts[k] ?? 0) > 0);
  return (
    <ul className="present-legend">
      {shown.map((k) => (
        <li key={k} data-key={k}>
          <span className="swatch" style={{ background: MAP_PALETTE[k].color }} />
          <span>{i18n.language === 'en' ? MAP_PALETTE[k].en : MAP_PALETTE[k].zh}</span>
          <b>{counts[k]}</b>
        </li>
      ))}
    </ul>
  );
}

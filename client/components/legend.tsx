import { useTranslation } from 'react-i18next';
import { MAP_LEGEND_ORDER, MAP_PALETTE, type MapColorKey } from '../../geo/palette/index.ts';

const CANVASSING = new Set<MapColorKey>(['p0', 'p25', 'p50', 'p75', 'passed']);
const OTHER = new Set<MapColorKey>(['impossible', 'incomplete', 'suspended']);

interface Props {
  counts?: Partial<Record<MapColorKey, number>>;
  className?: string;
  /** Draw each count as a bar too, so the legend is also the stage chart (the wall). */
  bars?: boolean;
  /** A line under the groups: the progress formula moves here from the first group, with this beside it. */
  footnote?: string;
}

/** The legend, generated from the palette: what the map shows is what it lists, with counts when given. */
export function Legend({ counts, className, bars = false, footnote }: Props) {
  const { t, i18n } = useTranslation();
  const most = Math.max(1, ...Object.values(counts ?? {}).map((n) => n ?? 0));
  const asFootnote = bars || footnote !== undefined;
  const label = (k: MapColorKey) => (i18n.language === 'en' ? MAP_PALETTE[k].en : MAP_PALETTE[k].zh);
  const groups: { title: string; keys: MapColorKey[] }[] = [
    { title: t('legend.canvassing'), keys: MAP_LEGEND_ORDER.filter((k) => CANVASSING.has(k)) },
    { title: t('legend.pipeline'), keys: MAP_LEGEND_ORDER.filter((k) => !CANVASSING.has(k) && !OTHER.has(k)) },
    { title: t('legend.other'), keys: MAP_LEGEND_ORDER.filter((k) => OTHER.has(k)) },
  ];
  return (
    <section className={className ? `legend ${className}` : 'legend'} aria-label={t('legend.title')} data-testid="legend">
      {groups.map((g) => (
        <div key={g.title}>
          <h3>{g.title}</h3>
          {g.keys[0] === 'p0' && !asFootnote && <p className="legend-note">{t('legend.progressNote')}</p>}
          <ul>
            {g.keys.map((k) => (
              <li key={k} data-key={k} className={!counts || counts[k] ? '' : 'empty'}>
                <span className="swatch" style={{ background: MAP_PALETTE[k].color }} />
                <span className="name">{label(k)}</span>
                {bars && (
                  <span className="bar" aria-hidden>
                    <i style={{ width: `${(100 * (counts?.[k] ?? 0)) / most}%`, background: MAP_PALETTE[k].color }} />
                  </span>
                )}
                {counts && <span className="count">{counts[k] ?? 0}</span>}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {asFootnote && (
        <p className="legend-footnote">
          {t('legend.progressNote')}
          {footnote && ` · ${footnote}`}
        </p>
      )}
    </section>
  );
}

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapColorKey } from '../../../geo/palette/index.ts';
import { BattleMapView } from '../battle-map-view.tsx';
import { HeadlineFigures } from '../headline-figures.tsx';
import { PresentLegend } from './present-legend.tsx';
import { SlideFrame, type SlideMeta } from './slide-frame.tsx';
import type { EstateMap } from '../../wire.ts';

/** 今日全景: every stairwell in its consent colour, the three headline figures, the legend. */
export function SlideToday({ meta, map, pixelRatio }: { meta: SlideMeta; map: EstateMap; pixelRatio: number }) {
  const { t } = useTranslation();
  const counts = useMemo(() => {
    const c: Partial<Record<MapColorKey, number>> = {};
    for (const f of map.layers.stairwells.features) c[f.properties.colorKey] = (c[f.properties.colorKey] ?? 0) + 1;
    return c;
  }, [map]);
  return (
    <SlideFrame meta={meta} title={t('present.today.title')} className="slide-map">
      <div className="slide-map-col">
        <div className="slide-map-box">
          <BattleMapView data={map} selectedId={null} interactive={false} pixelRatio={pixelRatio} />
        </div>
        <PresentLegend counts={counts} />
      </div>
      <aside>
        <HeadlineFigures headline={map.headline} />
      </aside>
    </SlideFrame>
  );
}

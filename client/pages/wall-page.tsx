import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapColorKey } from '../../geo/palette/index.ts';
import { BattleMapView } from '../components/battle-map-view.tsx';
import { HeadlineFigures } from '../components/headline-figures.tsx';
import { LanguageToggle } from '../components/language-toggle.tsx';
import { Legend } from '../components/legend.tsx';
import { LoadState } from '../components/load-state.tsx';
import { StairwellPanel } from '../components/stairwell-panel.tsx';
import { useEstateMap } from '../hooks/use-estate-map.ts';
import { useLive } from '../hooks/use-live.ts';
import { LivePanel } from '../components/live-panel.tsx';
import { PassedBanner } from '../components/passed-banner.tsx';

const SIDEBAR_PX = 380;

/** 指挥大屏: the whole estate, its headline figures and legend. `?kiosk=1` is look-only. */
export function WallPage({ kiosk }: { kiosk: boolean }) {
  const { t } = useTranslation();
  const estate = useEstateMap();
  const live = useLive(estate.data?.estate.id);
  const [selected, setSelected] = useState<number | null>(null);
  const counts = useMemo(() => {
    const c: Partial<Record<MapColorKey, number>> = {};
    for (const f of estate.data?.layers.stairwells.features ?? []) c[f.properties.colorKey] = (c[f.properties.colorKey] ?? 0) + 1;
    return c;
  }, [estate.data]);

  if (!estate.data) return <LoadState {...estate} />;
  const { data } = estate;
  return (
    <div className={`wall${kiosk ? ' kiosk' : ''}`}>
      <BattleMapView
        data={data}
        selectedId={selected}
        interactive={!kiosk}
        onSelect={setSelected}
        padding={{ right: SIDEBAR_PX + 24 }}
      />
      <aside className="wall-sidebar" style={{ width: SIDEBAR_PX }}>
        <header>
          <h1>{t('app.estateTitle', { name: data.estate.name })}</h1>
          {!kiosk && <LanguageToggle />}
        </header>
        <HeadlineFigures headline={data.headline} />
        <Legend counts={counts} />
        <LivePanel live={live} />
      </aside>
      {live.lastChange?.passedNow && <PassedBanner key={live.lastChange.at + live.lastChange.doorNumber} door={live.lastChange.doorNumber} />}
      {data.estate.schematic && <p className="schematic-note">示意 · {t('app.schematic')}</p>}
      {!kiosk && selected !== null && <StairwellPanel stairwellId={selected} onClose={() => setSelected(null)} />}
    </div>
  );
}

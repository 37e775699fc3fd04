import { bbox } from '@turf/turf';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MapColorKey } from '../../geo/palette/index.ts';
import { BattleMapView } from '../components/battle-map-view.tsx';
import { EstatePicker } from '../components/estate-picker.tsx';
import { HeadlineFigures } from '../components/headline-figures.tsx';
import { Legend } from '../components/legend.tsx';
import { LoadState } from '../components/load-state.tsx';
import { PassedBanner } from '../components/passed-banner.tsx';
import { StairwellPanel } from '../components/stairwell-panel.tsx';
import { FocusCaption } from '../components/wall/focus-caption.tsx';
import { ProgressPanel } from '../components/wall/progress-panel.tsx';
import { LifecyclePanel } from '../components/wall/lifecycle-panel.tsx';
import { CoveragePanel } from '../components/wall/coverage-panel.tsx';
import { COVERAGE_SOURCES, coverageFeatures, coverageLayers } from '../map/coverage-layers.ts';
import { useTRPC } from '../trpc.ts';
import { WallDeadlines } from '../components/wall/wall-deadlines.tsx';
import { WallFeed } from '../components/wall/wall-feed.tsx';
import { WallLeaderboard } from '../components/wall/wall-leaderboard.tsx';
import { WallTopBar } from '../components/wall/wall-top-bar.tsx';
import { useEstateMap } from '../hooks/use-estate-map.ts';
import { useFocusCycle } from '../hooks/use-focus-cycle.ts';
import { useLive } from '../hooks/use-live.ts';
import { useProgress } from '../hooks/use-progress.ts';
import { focusViews } from '../wall/focus-views.ts';
import type { WallSettings } from '../wall/wall-settings.ts';
import '../styles/wall.css';
import type { EstateMap, FlatChange, StageChange } from '../wire.ts';

/** The coverage layer (党建引领, 1+2+N): badges on stairwells with a gap, over the campaign's colours. */
const OVERLAY = { sources: COVERAGE_SOURCES, layers: coverageLayers() };

/** How long the wall dwells on a stairwell that has just passed. */
const CELEBRATE_MS = 12_000;

/** What the banner celebrates: a stairwell reaching the rule (已达标), or staff confirming it (征询通过). */
function celebrated(change: FlatChange | StageChange | null): 'ruleMet' | 'confirmed' | null {
  if (change?.kind === 'flat' && change.passedNow) return 'ruleMet';
  if (change?.kind === 'stage' && change.to === 'consent_passed' && change.from === 'canvassing') return 'confirmed';
  return null;
}

interface Celebration {
  stairwellId: number;
  door: string;
  word: 'ruleMet' | 'confirmed';
  key: string;
}

/**
 * The stairwell that has just met the rule or been confirmed, for CELEBRATE_MS after its change arrives. Changes that
 * follow (the next visit, another stage) do not cut the banner short, and when it ends the map goes back to the whole
 * estate (`ended`), however many changes came meanwhile.
 */
function useCelebration(change: FlatChange | StageChange | null) {
  const word = celebrated(change);
  const key = word && change ? change.at + change.doorNumber + word : null;
  const [seen, setSeen] = useState<string | null>(null);
  const [current, setCurrent] = useState<Celebration | null>(null);
  const [ended, setEnded] = useState<string | null>(null);
  // A new celebrated change starts its banner (state adjusted while rendering, as React advises for derived state).
  if (key && word && change && key !== seen) {
    setSeen(key);
    setCurrent({ stairwellId: change.stairwellId, door: change.doorNumber, word, key });
  }
  useEffect(() => {
    if (!current) return;
    const timer = setTimeout(() => {
      setCurrent(null);
      setEnded(current.key);
    }, CELEBRATE_MS);
    return () => clearTimeout(timer);
  }, [current]);
  /** The banner that ended last: the map goes back to the whole estate after it. */
  return { current, ended };
}

/** The side of the map away from a stairwell, for its panel: right when it stands in the estate's left half. */
function panelSide(data: EstateMap, stairwellId: number): 'left' | 'right' {
  const f = data.layers.stairwells.features.find((x) => x.properties.id === stairwellId);
  if (!f) return 'left';
  const [w, , e] = bbox({ type: 'Feature', geometry: data.estate.boundary, properties: {} });
  const [fw, , fe] = bbox(f);
  return (fw + fe) / 2 < (w + e) / 2 ? 'right' : 'left';
}

/**
 * 指挥大屏: a dark, look-only display for the command center, laid out in
 * screen units so 3840×2160 is 1920×1080 doubled: the map, headline figures,
 * progress, the legend as stage chart, leaderboard, feed, clock and the line's health.
 */
export function WallPage({ settings }: { settings: WallSettings }) {
  const { t } = useTranslation();
  const { kiosk } = settings;
  const estate = useEstateMap();
  const estateId = estate.data?.estate.id;
  // Polled three times per stale period, so "stale" means the server has not answered, not that nothing happened.
  const live = useLive(estateId, Math.min(30_000, (settings.staleAfterSeconds * 1000) / 3));
  const progress = useProgress(estateId);
  const trpc = useTRPC();
  const coverage = useQuery(trpc.teams.coverage.queryOptions({ estateId: estateId ?? 0 }, { enabled: estateId !== undefined }));
  const overlayData = useMemo(() => (estate.data && coverage.data ? { coverage: coverageFeatures(estate.data, coverage.data.stairwells) } : undefined), [estate.data, coverage.data]);
  // Fresh map data holds every colour a change announced before it.
  const { clearRecolours } = live;
  useEffect(() => clearRecolours(), [estate.data, clearRecolours]);
  const [selected, setSelected] = useState<number | null>(null);

  const stairwells = useMemo(() => estate.data?.layers.stairwells.features.map((f) => f.properties) ?? [], [estate.data]);
  const counts = useMemo(() => {
    const c: Partial<Record<MapColorKey, number>> = {};
    for (const s of stairwells) c[s.colorKey] = (c[s.colorKey] ?? 0) + 1;
    return c;
  }, [stairwells]);
  const views = useMemo(() => focusViews(stairwells), [stairwells]);
  const { current: celebrating, ended } = useCelebration(live.lastChange);
  const index = useFocusCycle(views.length, settings.cycleSeconds, celebrating !== null || selected !== null, ended);
  const view = views[index] ?? views[0];

  // After a banner, back to the whole estate (the cycle restarts at 全景; without a cycle, the estate is framed).
  const focusIds = celebrating ? [celebrating.stairwellId] : settings.cycleSeconds > 0 ? (view?.stairwellIds ?? []) : ended ? [] : undefined;
  const flags = useMemo(
    () => ({ focus: celebrating ? [] : (view?.stairwellIds ?? []), celebrate: celebrating ? [celebrating.stairwellId] : [] }),
    [celebrating, view],
  );

  const closePanel = useCallback(() => setSelected(null), []);
  // Room for the focus caption over the map's top-left corner, in the wall's screen unit.
  const mapPadding = useMemo(() => ({ top: 2.8 * Math.min(innerWidth / 80, innerHeight / 45) }), []);

  if (!estate.data) return <LoadState {...estate} />;
  const { data } = estate;
  return (
    <div className={`wall${kiosk ? ' kiosk' : ''}`}>
      <WallTopBar
        title={t('app.estateTitle', { name: data.estate.name })}
        live={live}
        staleAfterMs={settings.staleAfterSeconds * 1000}
        kiosk={kiosk}
        picker={<EstatePicker estates={estate.estates} current={data.estate.id} />}
      />
      <div className="wall-main">
        <HeadlineFigures headline={data.headline} />
        <main className="wall-map">
          <BattleMapView data={data} selectedId={selected} interactive={!kiosk} onSelect={setSelected} padding={mapPadding} focusIds={focusIds} flags={flags} recolours={live.recolours} overlay={OVERLAY} overlayData={overlayData} />
          {view && !celebrating && <FocusCaption view={view} index={index} count={views.length} />}
          {celebrating && <PassedBanner key={celebrating.key} door={celebrating.door} word={celebrating.word} />}
          {!kiosk && selected !== null && <StairwellPanel stairwellId={selected} onClose={closePanel} side={panelSide(data, selected)} />}
        </main>
        {/* The legend is the wall's stage chart: every colour, its count and a bar. */}
        <Legend counts={counts} bars footnote={data.estate.schematic ? t('app.schematic') : undefined} />
      </div>
      <aside className="wall-side">
        <ProgressPanel days={progress.data?.days ?? []} />
        {data.lifecycle && <LifecyclePanel summary={data.lifecycle} />}
        {coverage.data && <CoveragePanel totals={coverage.data.totals} />}
        <WallDeadlines estateId={data.estate.id} />
        <div className="wall-lists">
          <WallLeaderboard board={live.leaderboard} />
          <WallFeed recent={live.recent} />
        </div>
      </aside>
    </div>
  );
}

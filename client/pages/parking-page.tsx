import { centroid } from '@turf/turf';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_PARKING_RULES } from '../../geo/parking/index.ts';
import { BattleMapView } from '../components/battle-map-view.tsx';
import { LanguageToggle } from '../components/language-toggle.tsx';
import { LoadState } from '../components/load-state.tsx';
import { ParkingPanel } from '../components/parking/parking-panel.tsx';
import { PlanTabs } from '../components/plan/plan-tabs.tsx';
import { EstatePicker } from '../components/estate-picker.tsx';
import { useEstateMap } from '../hooks/use-estate-map.ts';
import { useParking } from '../hooks/use-parking.ts';
import { PARKING_SOURCES, parkingLayers } from '../map/parking-layers.ts';
import { parkingStates } from '../map/parking-states.ts';
import type { EstateMap } from '../wire.ts';
import { refusalText } from '../hooks/use-problem-text.ts';

const OVERLAY = { sources: PARKING_SOURCES, layers: parkingLayers() };

/** Lines from each assigned space (its centre) to the door of the stairwell it serves; the selected space's drawn bold. */
function spaceToDoor(map: EstateMap, assignments: readonly { spaceCode: string; stairwellId: number }[], selected: string | null): GeoJSON.FeatureCollection {
  const spaceAt = new Map(map.layers.parking.features.map((f) => [f.properties.code, centroid(f).geometry.coordinates]));
  const doorAt = new Map(map.layers.doors.features.flatMap((f) => (f.geometry.type === 'Point' ? [[f.properties.stairwellId, f.geometry.coordinates] as const] : [])));
  return {
    type: 'FeatureCollection',
    features: assignments.flatMap((a) => {
      const from = spaceAt.get(a.spaceCode);
      const to = doorAt.get(a.stairwellId);
      return from && to ? [{ type: 'Feature' as const, geometry: { type: 'LineString' as const, coordinates: [from, to] }, properties: { space: a.spaceCode, selected: a.spaceCode === selected } }] : [];
    }),
  };
}

/** 优先停车: who parks where now, in each construction phase and after. */
export function ParkingPage() {
  const { t } = useTranslation();
  const estate = useEstateMap();
  const estateId = estate.data?.estate.id;
  const parking = useParking(estateId, DEFAULT_PARKING_RULES.floors, DEFAULT_PARKING_RULES.maxWalkM, null);
  const [stateKey, setStateKey] = useState('now');
  const [space, setSpace] = useState<string | null>(null);
  // A stairwell clicked on the map is zoomed to, where its spaces are numbered; 全景 frames the estate again.
  const [zoomedTo, setZoomedTo] = useState<number | null>(null);
  const [focusIds, setFocusIds] = useState<number[] | undefined>(undefined);
  const zoom = useCallback((id: number | null) => {
    if (id === null) return;
    setZoomedTo(id);
    setFocusIds([id]);
  }, []);
  const whole = useCallback(() => {
    setZoomedTo(null);
    setFocusIds([]);
  }, []);
  const state = parking.data?.states.find((s) => s.key === stateKey) ?? parking.data?.states[0];
  const states = useMemo(() => (estate.data && state ? parkingStates(estate.data, state, space) : undefined), [estate.data, state, space]);
  const overlayData = useMemo(() => (parking.data && estate.data && state ? { parkingZones: parking.data.zones, parkingLinks: spaceToDoor(estate.data, state.assignments, space) } : undefined), [parking.data, estate.data, state, space]);

  if (!estate.data) return <LoadState error={estate.error} refetch={estate.refetch} />;
  const exportHref = `/api/estates/${estate.data.estate.id}/parking.xlsx?floors=${DEFAULT_PARKING_RULES.floors.join(',')}&maxWalkM=${DEFAULT_PARKING_RULES.maxWalkM}${parking.data?.scenario ? `&scenario=${parking.data.scenario.id}` : ''}`;
  return (
    <div className="plan-page parking-page">
      <header className="plan-header">
        <h1>{t('parking.title', { name: estate.data.estate.name })}</h1>
        <EstatePicker estates={estate.estates} current={estate.data.estate.id} />
        <PlanTabs current="parking" />
        <LanguageToggle />
      </header>
      <aside className="plan-side">
        {parking.error && <p role="alert">{refusalText(parking.error)}</p>}
        {parking.data ? (
          <ParkingPanel
            parking={parking.data}
            stateKey={state?.key ?? 'now'}
            onState={setStateKey}
            selectedSpace={space}
            exportHref={exportHref}
            zoomedDoor={estate.data.layers.stairwells.features.find((f) => f.properties.id === zoomedTo)?.properties.doorNumber ?? null}
            onWhole={whole}
          />
        ) : (
          <p>{t('state.loading')}</p>
        )}
      </aside>
      <main className="plan-map parking-map">
        <BattleMapView
          data={estate.data}
          selectedId={zoomedTo}
          interactive
          onSelect={zoom}
          onSpaceSelect={setSpace}
          overlay={OVERLAY}
          overlayData={overlayData}
          states={states}
          focusIds={focusIds}
          focusMaxZoom={19.6}
          zoomControl
        />
        {estate.data.estate.schematic && <p className="schematic-note">示意 · {t('app.schematic')}</p>}
      </main>
    </div>
  );
}

import { useMemo, useState } from 'react';
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

const OVERLAY = { sources: PARKING_SOURCES, layers: parkingLayers() };

/** 优先停车: who parks where now, in each construction phase and after. */
export function ParkingPage() {
  const { t } = useTranslation();
  const estate = useEstateMap();
  const estateId = estate.data?.estate.id;
  const parking = useParking(estateId, DEFAULT_PARKING_RULES.floors, DEFAULT_PARKING_RULES.maxWalkM, null);
  const [stateKey, setStateKey] = useState('now');
  const [space, setSpace] = useState<string | null>(null);
  const state = parking.data?.states.find((s) => s.key === stateKey) ?? parking.data?.states[0];
  const states = useMemo(() => (estate.data && state ? parkingStates(estate.data, state, space) : undefined), [estate.data, state, space]);
  const overlayData = useMemo(() => (parking.data ? { parkingZones: parking.data.zones } : undefined), [parking.data]);

  if (!estate.data) return <LoadState error={estate.error} refetch={estate.refetch} />;
  const exportHref = `/api/estates/${estate.data.estate.id}/parking.xlsx?floors=${DEFAULT_PARKING_RULES.floors.join(',')}&maxWalkM=${DEFAULT_PARKING_RULES.maxWalkM}${parking.data?.scenario ? `&scenario=${parking.data.scenario.id}` : ''}`;
  return (
    <div className="plan-page parking-page">
      <header className="plan-header">
        <h1>{t('plan.title', { name: estate.data.estate.name })}</h1>
        <EstatePicker estates={estate.estates} current={estate.data.estate.id} />
        <PlanTabs current="parking" />
        <LanguageToggle />
      </header>
      <aside className="plan-side">
        {parking.error && <p role="alert">{parking.error.message}</p>}
        {parking.data ? (
          <ParkingPanel parking={parking.data} stateKey={state?.key ?? 'now'} onState={setStateKey} selectedSpace={space} exportHref={exportHref} />
        ) : (
          <p>{t('state.loading')}</p>
        )}
      </aside>
      <main className="plan-map parking-map">
        <BattleMapView data={estate.data} selectedId={null} interactive onSelect={() => undefined} onSpaceSelect={setSpace} overlay={OVERLAY} overlayData={overlayData} states={states} />
        {estate.data.estate.schematic && <p className="schematic-note">示意 · {t('app.schematic')}</p>}
      </main>
    </div>
  );
}

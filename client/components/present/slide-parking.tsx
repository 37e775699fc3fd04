import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PARKING_PALETTE } from '../../../geo/palette/index.ts';
import { parkingRows, type ParkingRow } from '../../present/parking-rows.ts';
import { BattleMapView } from '../battle-map-view.tsx';
import { SlideFrame, type SlideMeta } from './slide-frame.tsx';
import type { EstateMap, PresentDeck } from '../../wire.ts';

type Parking = NonNullable<PresentDeck['parking']>;

/** The priority zones drawn boldly enough to see from the back of a hall. */
const OVERLAY = {
  sources: ['parkingZones'],
  layers: [
    { id: 'present-zones-fill', type: 'fill', source: 'parkingZones', paint: { 'fill-color': PARKING_PALETTE.assigned.color, 'fill-opacity': 0.18 } },
    { id: 'present-zones', type: 'line', source: 'parkingZones', paint: { 'line-color': PARKING_PALETTE.assigned.color, 'line-width': 3 } },
  ] as (LayerSpecification & { source: string })[],
};

/** 低层住户停车优先: who is served now, during each phase and after, with the priority zones on the map. */
export function SlideParking({ meta, map, parking, pixelRatio }: { meta: SlideMeta; map: EstateMap; parking: Parking; pixelRatio: number }) {
  const { t } = useTranslation();
  const overlayData = useMemo(() => ({ parkingZones: parking.zones }), [parking]);
  const rows = useMemo(() => parkingRows(parking.byState), [parking]);
  const when = (w: ParkingRow['when']) =>
    w === 'now' ? t('present.parking.now') : w === 'after' ? t('present.parking.after') : t('present.parking.phase', { n: w.from === w.to ? w.from : `${w.from}–${w.to}` });
  return (
    <SlideFrame meta={meta} title={t('present.parking.title')} className="slide-map slide-parking">
      <div className="slide-map-box">
        <BattleMapView data={map} selectedId={null} interactive={false} pixelRatio={pixelRatio} overlay={OVERLAY} overlayData={overlayData} />
      </div>
      <aside>
        <p className="lead">{t('present.parking.rules', { floors: parking.rules.floors.join('、'), walk: parking.rules.maxWalkM })}</p>
        <dl className="parking-figures" data-testid="parking-figures">
          <div>
            <dt>{t('present.parking.claimants')}</dt>
            <dd>{parking.claimants}</dd>
          </div>
          <div>
            <dt>{t('present.parking.served')}</dt>
            <dd>{parking.served}</dd>
          </div>
          <div>
            <dt>{t('present.parking.waiting')}</dt>
            <dd>{parking.waiting}</dd>
          </div>
        </dl>
        <table className="parking-states" data-testid="parking-states">
          <thead>
            <tr>
              <th>{t('present.parking.during')}</th>
              <th>{t('present.parking.served')}</th>
              <th>{t('present.parking.waiting')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={when(r.when)}>
                <th>{when(r.when)}</th>
                <td>{r.served}</td>
                <td>{r.waiting}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </aside>
    </SlideFrame>
  );
}

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { closestToPassing } from '../../wall/focus-views.ts';
import { BattleMapView } from '../battle-map-view.tsx';
import { SlideFrame, type SlideMeta } from './slide-frame.tsx';
import type { EstateMap } from '../../wire.ts';

const MAX_NEED = 5;
const MAX_SHOWN = 10;

/** 再签几户就能通过: the stairwells a few signatures from passing, outlined and framed, and how many each still needs. */
export function SlideClosest({ meta, map, pixelRatio }: { meta: SlideMeta; map: EstateMap; pixelRatio: number }) {
  const { t } = useTranslation();
  const closest = useMemo(() => closestToPassing(map.layers.stairwells.features.map((f) => f.properties), MAX_NEED, MAX_SHOWN), [map]);
  const ids = useMemo(() => closest.map((s) => s.id), [closest]);
  const flags = useMemo(() => ({ focus: ids }), [ids]);
  return (
    <SlideFrame meta={meta} title={t('present.closest.title')} className="slide-map slide-closest">
      <div className="slide-map-box">
        <BattleMapView data={map} selectedId={null} interactive={false} pixelRatio={pixelRatio} flags={flags} focusIds={ids} />
      </div>
      <aside>
        {closest.length === 0 ? (
          <p className="lead">{t('present.closest.none')}</p>
        ) : (
          <>
            <p className="lead">{t('present.closest.note')}</p>
            <ol className="closest-list" data-testid="closest-list">
              {closest.map((s) => (
                <li key={s.id} data-door={s.doorNumber}>
                  <b>{s.label}</b>
                  <span>{t('present.closest.need', { count: s.flatsToPassCount ?? 0 })}</span>
                </li>
              ))}
            </ol>
          </>
        )}
      </aside>
    </SlideFrame>
  );
}

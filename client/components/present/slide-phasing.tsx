import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { doorLabel } from '../../../geo/estate/door-label.ts';
import { phaseColor, phaseTextColor } from '../../../geo/palette/index.ts';
import { BattleMapView } from '../battle-map-view.tsx';
import { SlideFrame, type SlideMeta } from './slide-frame.tsx';
import type { EstateMap, PresentDeck } from '../../wire.ts';

type Phasing = NonNullable<PresentDeck['phasing']>;

const MAX_DOORS = 5;
/** Phases listed one by one; later ones are summed up in one line (the map shows them all). */
const MAX_LISTED = 5;

/** The end date without its year when it is the start's year: 2027-01-25 至 04-05. */
const endShort = (start: string, end: string) => (start.slice(0, 4) === end.slice(0, 4) ? end.slice(5) : end);

/** 施工分批计划: each stairwell in its phase's colour, and the phases with their dates, doors and parking closed. */
export function SlidePhasing({ meta, map, phasing, pixelRatio }: { meta: SlideMeta; map: EstateMap; phasing: Phasing; pixelRatio: number }) {
  const { t } = useTranslation();
  const states = useMemo(() => {
    const stairwells = new Map<number, Record<string, unknown>>();
    for (const p of phasing.phases) for (const id of p.stairwellIds) stairwells.set(id, { color: phaseColor(p.index), text: phaseTextColor(p.index) });
    return { stairwells };
  }, [phasing]);
  const listed = phasing.phases.slice(0, MAX_LISTED);
  const rest = phasing.phases.slice(MAX_LISTED);
  return (
    <SlideFrame meta={meta} title={t('present.phasing.title')} className="slide-map slide-phasing">
      <div className="slide-map-box">
        <BattleMapView data={map} selectedId={null} interactive={false} pixelRatio={pixelRatio} fill="state" states={states} />
      </div>
      <aside>
        <p className="lead">{t(phasing.adopted ? 'present.phasing.adopted' : 'present.phasing.plan', { name: phasing.scenarioName })}</p>
        {phasing.violations > 0 && (
          <p className="phase-broken" data-testid="phasing-broken">
            {t('present.phasing.broken', { count: phasing.violations })}
          </p>
        )}
        <ol className="phase-list" data-testid="phase-list">
          {listed.map((p) => {
            const doors = p.doorNumbers.map(doorLabel);
            return (
              <li key={p.index}>
                <span className="swatch" style={{ background: phaseColor(p.index) }} />
                <div>
                  <p>
                    <b>{t('present.phasing.phase', { n: p.index + 1 })}</b> {t('present.phasing.dates', { start: p.startDate, end: endShort(p.startDate, p.endDate) })}
                  </p>
                  <p className="muted">
                    {doors.slice(0, MAX_DOORS).join('、')}
                    {doors.length > MAX_DOORS ? ' …' : ''}
                    {p.parkingLost > 0 && (
                      <>
                        {' · '}
                        <span className="parking-lost">{t('present.phasing.parkingLost', { count: p.parkingLost })}</span>
                      </>
                    )}
                  </p>
                </div>
              </li>
            );
          })}
        </ol>
        {rest.length > 0 && (
          <p className="phase-rest">
            {t('present.phasing.rest', { count: rest.length, start: rest[0]!.startDate, end: rest.at(-1)!.endDate })}
          </p>
        )}
        {phasing.unscheduled > 0 && <p className="muted">{t('present.phasing.unscheduled', { count: phasing.unscheduled })}</p>}
      </aside>
    </SlideFrame>
  );
}

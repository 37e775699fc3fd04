import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { PARKING_PALETTE, PARKING_STATES } from '../../../geo/palette/index.ts';
import type { ComputedParking } from '../../wire.ts';

type State = ComputedParking['states'][number];

interface Props {
  parking: ComputedParking;
  stateKey: string;
  onState: (key: string) => void;
  selectedSpace: string | null;
  exportHref: string;
  /** The stairwell the map is zoomed to, its spaces numbered; null for the whole estate. */
  zoomedDoor: string | null;
  onWhole: () => void;
}

export function stateLabel(t: TFunction, s: State): string {
  if (s.key === 'now') return t('parking.now');
  if (s.key === 'after') return t('parking.after');
  return `${t('plan.phaseN', { n: (s.phase ?? 0) + 1 })} · ${s.startDate ?? ''}`;
}

/** Phase selector, what changes, the clicked space, and the property company's list. */
export function ParkingPanel({ parking, stateKey, onState, selectedSpace, exportHref, zoomedDoor, onWhole }: Props) {
  const { t, i18n } = useTranslation();
  const state = parking.states.find((s) => s.key === stateKey) ?? parking.states[0]!;
  const serving = state.assignments.find((a) => a.spaceCode === selectedSpace);
  const label = (k: (typeof PARKING_STATES)[number]) => (i18n.language === 'en' ? PARKING_PALETTE[k].en : PARKING_PALETTE[k].zh);
  return (
    <section className="parking-panel">
      <p>
        {t('parking.rules', { count: parking.claimantCount, floors: parking.rules.floors.join('、'), walk: parking.rules.maxWalkM })}
        {parking.scenario ? ` · ${t('parking.fromPlan', { name: parking.scenario.name })}` : ` · ${t('parking.noPlan')}`}
      </p>
      <label>
        <span>{t('parking.state')}</span>
        <select name="parkingState" value={state.key} onChange={(e) => onState(e.target.value)}>
          {parking.states.map((s) => (
            <option key={s.key} value={s.key}>
              {stateLabel(t, s)}
            </option>
          ))}
        </select>
      </label>
      <ul className="parking-legend">
        {PARKING_STATES.map((k) => (
          <li key={k}>
            <span className="swatch" style={{ background: PARKING_PALETTE[k].color }} /> {label(k)}
          </li>
        ))}
      </ul>
      <p className="parking-zoom" data-testid="parking-zoom">
        {zoomedDoor ? (
          <>
            {t('parking.zoomedTo', { door: zoomedDoor })}{' '}
            <button type="button" onClick={onWhole}>
              {t('parking.whole')}
            </button>
          </>
        ) : (
          t('parking.zoomHint')
        )}
      </p>
      <p data-testid="parking-summary">
        {t('parking.summary', { assigned: state.assignments.length, waiting: state.waiting.length, out: state.unavailable.length, walk: Math.round(state.totalWalkM) })}
      </p>
      {selectedSpace && (
        <p className="space-info" data-testid="space-info">
          {serving
            ? t('parking.serves', { space: selectedSpace, door: serving.doorNumber, floor: serving.floor, room: serving.room, walk: serving.walkM })
            : t('parking.notAssigned', { space: selectedSpace })}
        </p>
      )}
      <h3>{t('parking.moves', { count: state.moves.length })}</h3>
      <ul className="parking-moves" data-testid="parking-moves">
        {state.moves.map((m) => (
          <li key={m.flatId}>
            {m.doorNumber} {m.room}: {m.from ?? t('parking.waiting')} → {m.to ?? t('parking.waiting')}
          </li>
        ))}
      </ul>
      <h3>
        {t('parking.list')} · <a href={exportHref} download>{t('plan.exportXlsx')}</a>
      </h3>
      <table className="parking-table">
        <thead>
          <tr>
            <th>{t('parking.space')}</th>
            <th>{t('parking.door')}</th>
            <th>{t('parking.floor')}</th>
            <th>{t('parking.room')}</th>
            <th>{t('parking.walk')}</th>
          </tr>
        </thead>
        <tbody>
          {[...state.assignments]
            .sort((a, b) => a.spaceCode.localeCompare(b.spaceCode))
            .map((a) => (
              <tr key={a.flatId} className={a.spaceCode === selectedSpace ? 'selected' : undefined}>
                <td>{a.spaceCode}</td>
                <td>{a.doorNumber}</td>
                <td>{a.floor}F</td>
                <td>{a.room}</td>
                <td>{a.walkM} m</td>
              </tr>
            ))}
        </tbody>
      </table>
    </section>
  );
}

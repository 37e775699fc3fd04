import { useTranslation } from 'react-i18next';
import type { ComputedPlan, PlanMove } from '../../wire.ts';

interface Props {
  plan: ComputedPlan;
  selectedId: number | null;
  onMove: (move: PlanMove) => void;
  onUndo: (index: number) => void;
}

/** The selected stairwell with its move control, the planner's moves, and what they break. */
export function SelectionPanel({ plan, selectedId, onMove, onUndo }: Props) {
  const { t } = useTranslation();
  const site = plan.sites.find((s) => s.stairwellId === selectedId);
  const door = new Map(plan.sites.map((s) => [s.stairwellId, s.doorNumber]));
  return (
    <section className="plan-selection">
      {site && (
        <div data-testid="plan-selected">
          <h3>{t('plan.selected', { door: site.doorNumber, building: site.buildingCode })}</h3>
          <p>{t('plan.readyOn', { date: site.readyDate, weight: site.weight })}</p>
          <label>
            <span>{t('plan.moveTo')}</span>
            <select
              name="moveTo"
              value={site.phase ?? ''}
              onChange={(e) => onMove({ stairwellId: site.stairwellId, toPhase: Number(e.target.value) })}
            >
              {site.phase === null && <option value="">—</option>}
              {plan.phases.map((p) => (
                <option key={p.index} value={p.index}>
                  {t('plan.phaseN', { n: p.index + 1 })} · {p.startDate}
                </option>
              ))}
              <option value={plan.phases.length}>{t('plan.newPhase')}</option>
            </select>
          </label>
        </div>
      )}
      {plan.moves.length > 0 && (
        <>
          <h3>{t('plan.moves')}</h3>
          <ul className="plan-moves">
            {plan.moves.map((m, i) => (
              <li key={i}>
                {door.get(m.stairwellId) ?? m.stairwellId} → {t('plan.phaseN', { n: m.toPhase + 1 })}{' '}
                <button type="button" onClick={() => onUndo(i)}>
                  {t('plan.undo')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('plan.violations')}</h3>
      {plan.violations.length === 0 ? (
        <p className="ok" data-testid="violations">{t('plan.noViolations')}</p>
      ) : (
        <ul className="violations" data-testid="violations">
          {plan.violations.map((v, i) => (
            <li key={i} data-kind={v.kind}>
              {t(`plan.violation.${v.kind}`, { n: (v.phase ?? 0) + 1, doors: v.doors.join('、'), lane: v.lane ?? '', count: v.count, limit: v.limit })}
            </li>
          ))}
        </ul>
      )}
      {plan.unscheduled.length > 0 && (
        <>
          <h3>{t('plan.unscheduled')}</h3>
          <ul>
            {plan.unscheduled.map((u) => (
              <li key={u.stairwellId}>
                {u.doorNumber}: {u.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {plan.excluded.length > 0 && (
        <>
          <h3>{t('plan.excluded')}</h3>
          <ul className="excluded">
            {plan.excluded.map((e) => (
              <li key={e.stairwellId}>
                {e.doorNumber}: {t(`plan.reason.${e.reason}`)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

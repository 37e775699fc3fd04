import { useTranslation } from 'react-i18next';
import { phaseColor } from '../../../geo/palette/index.ts';
import { addDays, daysBetween } from '../../../geo/time/index.ts';
import { monthLabel } from '../../i18n/format-when.ts';
import type { Programme } from '../../wire.ts';

const ROW = 22;
const LABEL_W = 300;
const WIDTH = 1400;

/**
 * The adopted programme against what happened: per stairwell its planned bar
 * (outlined, in its phase's colour) and its actual bar (solid: 施工 to 竣工验收,
 * or to today while building), today's line, and each late site flagged in red
 * with its status and days late.
 */
export function ProgrammeGantt({ programme }: { programme: Programme }) {
  const { t, i18n } = useTranslation();
  const days = programme.sites.flatMap((s) => [s.planned.start, s.planned.end, s.actual.start, s.actual.end, s.readyDate].filter((d): d is string => d !== null));
  const from = [programme.today, ...days].reduce((a, b) => (a < b ? a : b));
  const to = [programme.today, ...days].reduce((a, b) => (a > b ? a : b));
  const span = Math.max(1, daysBetween(from, to));
  const x = (day: string) => LABEL_W + (daysBetween(from, day) / span) * (WIDTH - LABEL_W - 12);
  const rows: ({ kind: 'phase'; phase: Programme['phases'][number] } | { kind: 'site'; site: Programme['sites'][number] })[] = [];
  for (const phase of programme.phases) {
    rows.push({ kind: 'phase', phase });
    for (const site of programme.sites.filter((s) => s.phase === phase.index)) rows.push({ kind: 'site', site });
  }
  const height = rows.length * ROW + 26;
  const months = Array.from({ length: 10 }, (_, i) => addDays(from, Math.round((span * i) / 9)));
  return (
    <div className="gantt programme-gantt">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" data-testid="programme-gantt" role="list" aria-label={t('programme.tab')}>
        {months.map((d, i) => (
          <g key={d}>
            <line x1={x(d)} x2={x(d)} y1={18} y2={height} className="gantt-grid" />
            <text x={x(d)} y={13} className="gantt-tick" textAnchor={i === 0 ? 'start' : i === months.length - 1 ? 'end' : 'middle'}>
              {monthLabel(d, i18n.language)}
            </text>
          </g>
        ))}
        {rows.map((row, i) => {
          const y = 22 + i * ROW;
          if (row.kind === 'phase') {
            const color = phaseColor(row.phase.index);
            return (
              <g key={`p${row.phase.index}`} className="gantt-phase" data-phase={row.phase.index}>
                <rect x={0} y={y} width={WIDTH} height={ROW} className="gantt-phase-bg" />
                <text x={6} y={y + 15}>
                  {t('plan.phaseN', { n: row.phase.index + 1 })} · {t('programme.plannedDates', { start: row.phase.start, end: row.phase.end })}
                </text>
                <rect x={x(row.phase.start)} y={y + 5} width={Math.max(2, x(row.phase.end) - x(row.phase.start))} height={ROW - 10} fill={color} rx={3} />
              </g>
            );
          }
          const s = row.site;
          const color = phaseColor(s.phase);
          const actualEnd = s.actual.end ?? programme.today;
          return (
            <g key={s.stairwellId} className={`gantt-site${s.slipped ? ' slipped' : ''}`} data-stairwell={s.stairwellId} data-status={s.status} data-slip={s.slipDays} role="listitem">
              <text x={16} y={y + 15}>
                {s.doorNumber}
              </text>
              <text x={150} y={y + 15} className="programme-status">
                {t(`programme.status.${s.status}`)}
                {s.slipDays > 0 ? ` ${t('programme.late', { days: s.slipDays })}` : ''}
              </text>
              <rect x={x(s.planned.start)} y={y + 3} width={Math.max(2, x(s.planned.end) - x(s.planned.start))} height={ROW - 6} fill={color} fillOpacity={0.25} stroke={color} strokeWidth={1.5} rx={2}>
                <title>{`${t('programme.planned')} ${s.planned.start} – ${s.planned.end}`}</title>
              </rect>
              {s.actual.start && (
                <rect x={x(s.actual.start)} y={y + 8} width={Math.max(3, x(actualEnd) - x(s.actual.start))} height={ROW - 16} className="programme-actual" rx={1}>
                  <title>{`${t('programme.actual')} ${s.actual.start} – ${s.actual.end ?? '…'}`}</title>
                </rect>
              )}
              {!s.actual.start && s.readyDate && <line x1={x(s.readyDate)} x2={x(s.readyDate)} y1={y + 3} y2={y + ROW - 3} className="gantt-ready" />}
            </g>
          );
        })}
        <line x1={x(programme.today)} x2={x(programme.today)} y1={18} y2={height} className="programme-today" />
        <text x={x(programme.today) + 4} y={height - 4} className="programme-today-label">
          {t('programme.today')} {programme.today}
        </text>
      </svg>
    </div>
  );
}

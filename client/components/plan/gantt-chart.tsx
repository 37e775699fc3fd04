import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { phaseColor } from '../../../geo/palette/index.ts';
import { addDays } from '../../../geo/time/index.ts';
import { monthLabel } from '../../i18n/format-when.ts';
import type { ComputedPlan } from '../../wire.ts';

const ROW = 18;
const LABEL_W = 150;
const WIDTH = 1200;

interface Props {
  plan: ComputedPlan;
  selectedId: number | null;
  selectedPhase: number | null;
  onSelect: (stairwellId: number) => void;
  onSelectPhase: (phase: number) => void;
}

/**
 * Phases and their stairwells on a time axis: a header row per phase, a row
 * per stairwell with its ready day marked. Drawn as SVG: a few rectangles per
 * row need no charting library, and rows stay clickable and testable.
 */
export function GanttChart({ plan, selectedId, selectedPhase, onSelect, onSelectPhase }: Props) {
  const { t, i18n } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const site = new Map(plan.sites.map((s) => [s.stairwellId, s]));
  const lastDay = Math.max(1, ...plan.phases.map((p) => p.endDay));
  const x = (day: number) => LABEL_W + (day / lastDay) * (WIDTH - LABEL_W - 10);
  const rows: ({ kind: 'phase'; phase: ComputedPlan['phases'][number] } | { kind: 'site'; id: number; phase: ComputedPlan['phases'][number] })[] = [];
  for (const phase of plan.phases) {
    rows.push({ kind: 'phase', phase });
    for (const id of phase.stairwellIds) rows.push({ kind: 'site', id, phase });
  }
  const height = rows.length * ROW + 24;

  useEffect(() => {
    const row = scroller.current?.querySelector<SVGGElement>(`[data-stairwell="${selectedId}"]`);
    row?.scrollIntoView?.({ block: 'nearest' });
  }, [selectedId]);

  const ticks = Array.from({ length: 9 }, (_, i) => Math.round((lastDay * i) / 8));
  return (
    <div className="gantt" ref={scroller} aria-label={t('plan.gantt')}>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" data-testid="gantt" role="list">
        {ticks.map((d, i) => (
          <g key={d}>
            <line x1={x(d)} x2={x(d)} y1={18} y2={height} className="gantt-grid" />
            <text x={x(d)} y={12} className="gantt-tick" textAnchor={i === ticks.length - 1 ? 'end' : 'start'}>
              {plan.phases.length ? monthLabel(addDays(plan.params.startDate, d), i18n.language) : ''}
            </text>
          </g>
        ))}
        {rows.map((row, i) => {
          const y = 20 + i * ROW;
          const color = phaseColor(row.phase.index);
          if (row.kind === 'phase')
            return (
              <g key={`p${row.phase.index}`} className={`gantt-phase${selectedPhase === row.phase.index ? ' selected' : ''}`} data-phase={row.phase.index} onClick={() => onSelectPhase(row.phase.index)} role="listitem">
                <rect x={0} y={y} width={WIDTH} height={ROW} className="gantt-phase-bg" />
                <text x={4} y={y + 13}>
                  {t('plan.phaseN', { n: row.phase.index + 1 })} · {row.phase.startDate}
                </text>
                <rect x={x(row.phase.startDay)} y={y + 3} width={x(row.phase.endDay) - x(row.phase.startDay)} height={ROW - 6} fill={color} rx={3} />
              </g>
            );
          const s = site.get(row.id);
          return (
            <g key={row.id} className={`gantt-site${selectedId === row.id ? ' selected' : ''}`} data-stairwell={row.id} onClick={() => onSelect(row.id)} role="listitem">
              <rect x={0} y={y} width={WIDTH} height={ROW} className="gantt-row-bg" />
              <text x={16} y={y + 13}>
                {s?.doorNumber ?? row.id}
                {s?.pinned ? ` · ${t('programme.pinnedShort')}` : ''}
                {s?.pinned && <title>{t('programme.pinned')}</title>}
              </text>
              <rect x={x(row.phase.startDay)} y={y + 4} width={x(row.phase.endDay) - x(row.phase.startDay)} height={ROW - 8} fill={color} opacity={0.75} rx={2} />
              {s && <line x1={x(s.readyDay)} x2={x(s.readyDay)} y1={y + 2} y2={y + ROW - 2} className="gantt-ready" />}
            </g>
          );
        })}
      </svg>
    </div>
  );
}

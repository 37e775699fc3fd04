import type { FaultKind, VisitKind } from '../lifecycle/index.ts';
import { addDays } from '../time/index.ts';
import { createRng } from './rng.ts';

export interface SyntheticVisit {
  visitedAt: string;
  kind: VisitKind;
}

export interface SyntheticFault {
  kind: FaultKind;
  alarmAt: string;
  arrivedAt: string | null;
  releasedAt: string | null;
  resolvedAt: string | null;
  description: string;
}

const FAULTS = ['层门门锁故障，停梯', '平层不准', '轿厢照明不亮', '门机皮带松动，开关门异响', '外呼按钮失灵', '停电后停梯'];
const RESCUES = ['停电困人 2 人', '门锁故障困人 1 人', '平层故障困人 1 人'];

const at = (day: string, minutes: number) => {
  const h = Math.floor(minutes / 60);
  return `${day}T${String(h).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00+08:00`;
};
const plus = (iso: string, minutes: number) => {
  const t = new Date(Date.parse(iso) + minutes * 60_000 + 8 * 3_600_000).toISOString();
  return `${t.slice(0, 19)}+08:00`;
};

/**
 * A lift's illustrative service history from the day it was put into use to `until`: a maintenance visit every 13–15
 * days in working hours (every 6th also the quarterly items, every 12th the half-yearly, every 24th the yearly),
 * and about three faults a year, one in three with passengers trapped (arrival 8–28 minutes after the alarm, now and
 * then late). `stopVisitsDaysBefore` leaves the last weeks without a visit; `openFault` leaves the newest fault open.
 * Deterministic for a seed: the demo and the benchmark are the same every run.
 */
export function liftHistory(
  inServiceOn: string,
  until: string,
  seed: number,
  options: { stopVisitsDaysBefore?: number; openFault?: boolean } = {},
): { visits: SyntheticVisit[]; faults: SyntheticFault[] } {
  const rng = createRng(seed);
  const visits: SyntheticVisit[] = [];
  const lastVisitDay = addDays(until, -(options.stopVisitsDaysBefore ?? 0));
  let n = 0;
  for (let day = addDays(inServiceOn, rng.int(10, 14)); day <= lastVisitDay; day = addDays(day, rng.int(13, 15))) {
    n++;
    const kind: VisitKind = n % 24 === 0 ? 'annual' : n % 12 === 0 ? 'half_year' : n % 6 === 0 ? 'quarterly' : 'half_month';
    visits.push({ visitedAt: at(day, rng.int(9 * 60, 16 * 60)), kind });
  }
  const faults: SyntheticFault[] = [];
  for (let day = addDays(inServiceOn, rng.int(20, 120)); day < until; day = addDays(day, rng.int(60, 180))) {
    const kind: FaultKind = rng.chance(1 / 3) ? 'entrapment' : 'fault';
    const alarmAt = at(day, rng.int(6 * 60, 22 * 60));
    const arrivedAt = plus(alarmAt, rng.chance(0.1) ? rng.int(31, 40) : rng.int(8, 28));
    faults.push({
      kind,
      alarmAt,
      arrivedAt,
      releasedAt: kind === 'entrapment' ? plus(arrivedAt, rng.int(4, 15)) : null,
      resolvedAt: plus(arrivedAt, rng.int(40, 360)),
      description: kind === 'entrapment' ? rng.pick(RESCUES) : rng.pick(FAULTS),
    });
  }
  if (options.openFault) {
    const alarmAt = at(until, 7 * 60 + rng.int(0, 90));
    faults.push({ kind: 'fault', alarmAt, arrivedAt: plus(alarmAt, rng.int(12, 25)), releasedAt: null, resolvedAt: null, description: '曳引机异响，停梯待更换轴承' });
  }
  return { visits, faults };
}

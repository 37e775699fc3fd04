export interface ParkingStateFigures {
  key: string;
  served: number;
  waiting: number;
}

/** One table row per run of states with the same figures: "第 1–8 批施工时" instead of eight equal rows. */
export interface ParkingRow {
  /** 'now', 'after' or the phases (1-based) the row covers. */
  when: 'now' | 'after' | { from: number; to: number };
  served: number;
  waiting: number;
}

export function parkingRows(states: readonly ParkingStateFigures[]): ParkingRow[] {
  const rows: ParkingRow[] = [];
  for (const s of states) {
    const phase = /^phase-(\d+)$/.exec(s.key);
    const last = rows.at(-1);
    if (phase) {
      const n = Number(phase[1]);
      if (last && typeof last.when === 'object' && last.when.to === n - 1 && last.served === s.served && last.waiting === s.waiting) last.when.to = n;
      else rows.push({ when: { from: n, to: n }, served: s.served, waiting: s.waiting });
    } else rows.push({ when: s.key === 'after' ? 'after' : 'now', served: s.served, waiting: s.waiting });
  }
  return rows;
}

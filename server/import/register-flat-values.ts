import type { RegisterRow } from '../../geo/register/index.ts';

/** The stored columns of a register row's flat: area in 0.01 m², the voter by database id. */
export function registerFlatValues(r: RegisterRow, voterId: number) {
  return {
    areaCentiM2: r.areaM2 === null ? null : Math.round(r.areaM2 * 100),
    voterId,
    residents: r.residents,
    aged60to79: r.aged60to79,
    aged80plus: r.aged80plus,
    status: r.status,
    concerns: r.concerns,
    note: r.note,
  };
}

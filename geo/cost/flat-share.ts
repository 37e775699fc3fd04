/** Shanghai's subsidy (SPEC §4): 40 % of construction cost, at most ¥280,000 per lift. */
export const SUBSIDY_SHARE = 0.4;
export const SUBSIDY_CAP_YUAN = 280_000;
export const DEFAULT_LIFT_COST_YUAN = 550_000;
/** Share of the owners' part per floor 1–6, in %: the ground floor usually pays nothing. */
export const DEFAULT_FLOOR_COEFFICIENTS = [0, 10, 15, 20, 25, 30];

export interface CostFlat {
  flatId: string;
  floor: number;
  /** Exclusive area; flats of one floor split that floor's share by area. */
  areaM2: number;
}

export interface FlatCost {
  liftCostYuan: number;
  subsidyYuan: number;
  ownersPayYuan: number;
  /** This flat's share of what the owners pay, 0..1. */
  share: number;
  /** What this flat pays, whole yuan. */
  flatPaysYuan: number;
}

/**
 * What one flat pays for its stairwell's lift: the owners' part (cost less the
 * capped subsidy) split by the agreed floor coefficients, then by area within
 * the floor. Coefficients are normalised over the floors that have flats.
 *
 * @example flatCost(flats, '601', DEFAULT_FLOOR_COEFFICIENTS, 550_000).flatPaysYuan
 */
export function flatCost(flats: readonly CostFlat[], flatId: string, coefficients: readonly number[], liftCostYuan: number): FlatCost {
  const subsidyYuan = Math.min(SUBSIDY_CAP_YUAN, Math.round(liftCostYuan * SUBSIDY_SHARE));
  const ownersPayYuan = liftCostYuan - subsidyYuan;
  const flat = flats.find((f) => f.flatId === flatId);
  if (!flat) throw new Error(`flatCost: no flat ${flatId} in the stairwell`);
  const floors = [...new Set(flats.map((f) => f.floor))];
  const total = floors.reduce((s, fl) => s + (coefficients[fl - 1] ?? 0), 0);
  const floorShare = total > 0 ? (coefficients[flat.floor - 1] ?? 0) / total : 1 / floors.length;
  const sameFloor = flats.filter((f) => f.floor === flat.floor);
  const floorArea = sameFloor.reduce((s, f) => s + f.areaM2, 0);
  const share = floorShare * (floorArea > 0 ? flat.areaM2 / floorArea : 1 / sameFloor.length);
  return { liftCostYuan, subsidyYuan, ownersPayYuan, share, flatPaysYuan: Math.round(ownersPayYuan * share) };
}

/**
 * A stairwell's weight for "elders first" (SPEC §5): 3 × residents aged 80+
 * plus 1 × residents aged 60–79, on floors 3–6, plus 0.1 so empty stairwells count.
 *
 * @example elderWeight([{ floor: 5, aged60to79: 1, aged80plus: 1 }]) // 4.1
 */
export function elderWeight(flats: readonly { floor: number; aged60to79: number; aged80plus: number }[]): number {
  const upstairs = flats.filter((f) => f.floor >= 3);
  const w = upstairs.reduce((s, f) => s + 3 * f.aged80plus + f.aged60to79, 0) + 0.1;
  return Math.round(w * 10) / 10;
}

import { ConsentInputError, evaluateStairwell, type HouseholdStatus } from '../consent/index.ts';

/**
 * The day since which a stairwell has met the rule on signed votes without a
 * break, replaying its flats' consent events (sorted by `at`); null when it
 * does not meet it after the last event. Flats start unvisited.
 *
 * @example ruleMetSince(flats, events) // '2026-11-20'
 */
export function ruleMetSince(
  flats: readonly { flatId: string; voterId: string; areaM2: number | null }[],
  events: readonly { flatId: string; to: HouseholdStatus; at: string }[],
): string | null {
  const status = new Map<string, HouseholdStatus>();
  let was = false;
  // Between the visits to a voter's several flats their votes may differ for a while: that moment changes nothing.
  const met = () => {
    try {
      const e = evaluateStairwell(flats.map((f) => ({ ...f, status: status.get(f.flatId) ?? 'unvisited' })));
      return e.complete && e.result.passed;
    } catch (error) {
      if (error instanceof ConsentInputError) return was;
      throw error;
    }
  };
  let since: string | null = null;
  for (const e of events) {
    status.set(e.flatId, e.to);
    const now = (was = met());
    if (now && since === null) since = e.at.slice(0, 10);
    if (!now) since = null;
  }
  return since;
}

import { doorLabel } from '../../geo/estate/index.ts';
import type { Stage } from '../../geo/stages/index.ts';
import type { PresentDeck } from '../../server/queries/present-deck.ts';
import type { StairwellProperties } from '../../server/queries/stairwell-properties.ts';
import { closestToPassing } from '../wall/focus-views.ts';

export type NextStep =
  | { key: 'closest'; count: number; doors: string }
  | { key: 'agreements' | 'pipeline' | 'building'; count: number }
  | { key: 'firstPhase'; date: string; doors: string }
  | { key: 'parking'; served: number; waiting: number }
  | { key: 'ask' };

const PIPELINE = new Set<Stage>(['agreement_signed', 'public_notice', 'design_approved', 'permitted']);
const MAX_DOORS = 6;

const doorList = (labels: readonly string[]) => labels.slice(0, MAX_DOORS).join('、') + (labels.length > MAX_DOORS ? ' …' : '');

/** What the meeting is asked to do next, derived from where the stairwells stand and the plan. */
export function nextSteps(stairwells: readonly StairwellProperties[], deck: PresentDeck): NextStep[] {
  const steps: NextStep[] = [];
  const closest = closestToPassing(stairwells, 5, Infinity);
  if (closest.length) steps.push({ key: 'closest', count: closest.length, doors: doorList(closest.map((s) => s.label)) });
  const count = (test: (s: StairwellProperties) => boolean) => stairwells.filter(test).length;
  const agreements = count((s) => s.stage === 'consent_passed');
  if (agreements) steps.push({ key: 'agreements', count: agreements });
  const pipeline = count((s) => PIPELINE.has(s.stage));
  if (pipeline) steps.push({ key: 'pipeline', count: pipeline });
  const building = count((s) => s.stage === 'under_construction');
  if (building) steps.push({ key: 'building', count: building });
  const first = deck.phasing?.phases[0];
  if (first) steps.push({ key: 'firstPhase', date: first.startDate, doors: doorList(first.doorNumbers.map(doorLabel)) });
  if (deck.parking) steps.push({ key: 'parking', served: deck.parking.served, waiting: deck.parking.waiting });
  steps.push({ key: 'ask' });
  return steps;
}

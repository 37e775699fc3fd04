import { doorLabel } from '../../geo/estate/door-label.ts';
import type { CampaignCounts } from '../../geo/campaign/index.ts';
import { closestToPassing } from '../wall/focus-views.ts';
import type { PresentDeck, StairwellProperties } from '../wire.ts';

export type NextStep =
  | { key: 'closest'; count: number; doors: string }
  | { key: 'ruleMet' | 'agreements' | 'pipeline' | 'building'; count: number }
  | { key: 'firstPhase'; date: string; doors: string }
  | { key: 'parking'; served: number; waiting: number }
  | { key: 'ask' };

const MAX_DOORS = 6;

const doorList = (labels: readonly string[]) => labels.slice(0, MAX_DOORS).join('、') + (labels.length > MAX_DOORS ? ' …' : '');

/** What the meeting is asked to do next, derived from where the stairwells stand (the one campaign count) and the plan. */
export function nextSteps(stairwells: readonly StairwellProperties[], counts: CampaignCounts, deck: PresentDeck): NextStep[] {
  const steps: NextStep[] = [];
  const closest = closestToPassing(stairwells, 5, Infinity);
  if (closest.length) steps.push({ key: 'closest', count: closest.length, doors: doorList(closest.map((s) => s.label)) });
  const { steps: at } = counts;
  if (at.rule_met) steps.push({ key: 'ruleMet', count: at.rule_met });
  if (at.consent_passed) steps.push({ key: 'agreements', count: at.consent_passed });
  const pipeline = at.agreement_signed + at.public_notice + at.design_approved + at.permitted;
  if (pipeline) steps.push({ key: 'pipeline', count: pipeline });
  if (at.under_construction) steps.push({ key: 'building', count: at.under_construction });
  const first = deck.phasing?.phases[0];
  if (first) steps.push({ key: 'firstPhase', date: first.startDate, doors: doorList(first.doorNumbers.map(doorLabel)) });
  if (deck.parking) steps.push({ key: 'parking', served: deck.parking.served, waiting: deck.parking.waiting });
  steps.push({ key: 'ask' });
  return steps;
}

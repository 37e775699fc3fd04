import type { SiteFacts } from './analyze-sites.ts';

/**
 * Why a site can never be built under the constraints, in words a planner
 * understands; null when it can.
 *
 * @example unschedulableReason({ blocksLanes: ['3'], narrowsLanes: [], parking: [] }, 5) // 'its site blocks fire lane 3'
 */
export function unschedulableReason(facts: SiteFacts, maxParkingLossPerPhase: number): string | null {
  if (facts.blocksLanes.length > 0) return `its site blocks fire lane ${facts.blocksLanes.join(', ')}`;
  if (facts.parking.length > maxParkingLossPerPhase)
    return `its site alone takes ${facts.parking.length} parking spaces, the limit is ${maxParkingLossPerPhase} per phase`;
  return null;
}

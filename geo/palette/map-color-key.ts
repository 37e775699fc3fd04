import type { ProgressBin } from '../consent/progress-bin.ts';
import type { Stage } from '../stages/stages.ts';
import type { MapColorKey } from './map-palette.ts';

/**
 * What a stairwell is coloured by (SPEC §4): consent progress during
 * canvassing, its stage from `consent_passed` on.
 *
 * @example mapColorKey('permitted', 'passed') // 'permitted'
 */
export function mapColorKey(stage: Stage, bin: ProgressBin): MapColorKey {
  return stage === 'canvassing' ? bin : stage;
}

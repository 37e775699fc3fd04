import { PARKING_PALETTE } from '../../geo/palette/index.ts';
import type { ComputedParking, EstateMap } from '../wire.ts';

type States = Map<number, Record<string, unknown>>;

/** Feature-state for the parking view: every space's state colour in the chosen state, the clicked space selected. */
export function parkingStates(map: EstateMap, state: ComputedParking['states'][number], selectedSpace: string | null): Record<string, States> {
  const assigned = new Set(state.assignments.map((a) => a.spaceCode));
  const out = new Set(state.unavailable);
  const parking: States = new Map(
    map.layers.parking.features.map((f) => {
      const code = f.properties.code;
      const key = out.has(code) ? 'out_of_use' : assigned.has(code) ? 'assigned' : 'free';
      return [Number(f.id), { color: PARKING_PALETTE[key].color, selected: code === selectedSpace }];
    }),
  );
  return { parking };
}

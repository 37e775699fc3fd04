import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../trpc.ts';
import { useChanges } from './use-changes.ts';
import { useEstateMap } from './use-estate-map.ts';

/** Everything the slides show: the map, the days replayed with their changes, the plan and parking aggregates. */
export function usePresentData() {
  const trpc = useTRPC();
  const estate = useEstateMap();
  const estateId = estate.data?.estate.id;
  const enabled = estateId !== undefined;
  // The deck follows the campaign live: a presenter never shows yesterday's figures.
  useChanges(estateId);
  const replay = useQuery({ ...trpc.history.replay.queryOptions({ estateId: estateId ?? 0 }), enabled });
  const deck = useQuery({ ...trpc.present.deck.queryOptions({ estateId: estateId ?? 0 }), enabled });
  const error = estate.error ?? replay.error ?? deck.error;
  const data = estate.data && replay.data && deck.data ? { map: estate.data, replay: replay.data, deck: deck.data, estates: estate.estates } : undefined;
  return {
    data,
    error,
    refetch: () => {
      estate.refetch();
      void replay.refetch();
      void deck.refetch();
    },
  };
}
export type PresentData = NonNullable<ReturnType<typeof usePresentData>['data']>;

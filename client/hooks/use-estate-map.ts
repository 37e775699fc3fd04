import { useQuery } from '@tanstack/react-query';
import { pickEstate } from '../estate-choice.ts';
import { useTRPC } from '../trpc.ts';

/** The chosen estate (the first one until a choice is made) and its map data, with the list to choose from. */
export function useEstateMap() {
  const trpc = useTRPC();
  const estates = useQuery(trpc.estate.list.queryOptions());
  const estateId = pickEstate(estates.data);
  const map = useQuery({ ...trpc.estate.map.queryOptions({ estateId: estateId ?? 0 }), enabled: estateId !== undefined });
  return {
    data: map.data,
    estates: estates.data ?? [],
    error: estates.error ?? map.error,
    isLoading: estates.isLoading || map.isLoading,
    refetch: () => void (estates.error ? estates.refetch() : map.refetch()),
    noEstate: estates.data !== undefined && estates.data.length === 0,
  };
}

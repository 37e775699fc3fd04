import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../trpc.ts';

/** The first estate (the default campaign) and its map data. */
export function useEstateMap() {
  const trpc = useTRPC();
  const estates = useQuery(trpc.estate.list.queryOptions());
  const estateId = estates.data?.[0]?.id;
  const map = useQuery({ ...trpc.estate.map.queryOptions({ estateId: estateId ?? 0 }), enabled: estateId !== undefined });
  return {
    data: map.data,
    error: estates.error ?? map.error,
    isLoading: estates.isLoading || map.isLoading,
    refetch: () => void (estates.error ? estates.refetch() : map.refetch()),
    noEstate: estates.data !== undefined && estates.data.length === 0,
  };
}

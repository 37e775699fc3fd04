import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC } from '../trpc.ts';

export function useParking(estateId: number | undefined, floors: number[], maxWalkM: number, scenarioId: number | null) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.parking.compute.queryOptions({ estateId: estateId ?? 0, floors, maxWalkM, scenarioId }),
    enabled: estateId !== undefined,
    placeholderData: keepPreviousData,
  });
}

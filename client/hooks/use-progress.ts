import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../trpc.ts';

/** Stairwells passed and flats signed per campaign day; live changes invalidate it. */
export function useProgress(estateId: number | undefined) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.history.progress.queryOptions({ estateId: estateId ?? 0 }), enabled: estateId !== undefined, refetchInterval: 10 * 60_000 });
}

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../trpc.ts';

export function useStairwellDetail(stairwellId: number | null) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.stairwell.detail.queryOptions({ stairwellId: stairwellId ?? 0 }), enabled: stairwellId !== null });
}

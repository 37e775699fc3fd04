import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../trpc.ts';
import type { PlanMove, PlanParams } from '../wire.ts';

export function usePlanDefaults() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.plan.defaults.queryOptions(), staleTime: Infinity });
}

/** The plan for these parameters and moves, recomputed as they change; the last plan stays on screen meanwhile. */
export function usePlan(estateId: number | undefined, params: PlanParams | undefined, moves: PlanMove[]) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.plan.compute.queryOptions({ estateId: estateId ?? 0, params: params!, moves }),
    enabled: estateId !== undefined && params !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useScenarios(estateId: number | undefined) {
  const trpc = useTRPC();
  const client = useQueryClient();
  const list = useQuery({ ...trpc.plan.list.queryOptions({ estateId: estateId ?? 0 }), enabled: estateId !== undefined });
  const save = useMutation(
    trpc.plan.save.mutationOptions({ onSuccess: () => client.invalidateQueries({ queryKey: trpc.plan.list.queryKey() }) }),
  );
  const adopt = useMutation(
    trpc.plan.adopt.mutationOptions({
      onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: trpc.plan.list.queryKey() }), client.invalidateQueries({ queryKey: trpc.plan.programme.queryKey() })]),
    }),
  );
  return { list, save, adopt };
}

export function useScenario(scenarioId: number | null) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.plan.get.queryOptions({ scenarioId: scenarioId ?? 0 }), enabled: scenarioId !== null });
}

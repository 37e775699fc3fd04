import type { QueryClient } from '@tanstack/react-query';
import type { TRPCClient } from '@trpc/client';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { pickEstate } from './estate-choice.ts';
import type { AppRouter } from './wire.ts';

/** Screens that open on an estate's map (client/app.tsx). */
const MAP_SCREENS = new Set(['/', '/wall', '/plan', '/present']);

/**
 * Asks for what a map screen draws first (the estates, the chosen one's
 * map, the basemap setting) as the page starts, while the screen's own
 * code and the map library are still arriving, rather than after them:
 * the queries the screen then makes find their answers in the cache.
 * A refusal here is left to the screen, which asks again and shows it.
 */
export function prefetchFirstScreen(route: string, queryClient: QueryClient, client: TRPCClient<AppRouter>): void {
  if (!MAP_SCREENS.has(route)) return;
  const trpc = createTRPCOptionsProxy<AppRouter>({ client, queryClient });
  void queryClient.prefetchQuery({ ...trpc.estate.basemap.queryOptions(), staleTime: Infinity });
  void queryClient
    .fetchQuery(trpc.estate.list.queryOptions())
    .then((estates) => {
      const estateId = pickEstate(estates);
      return estateId === undefined ? undefined : queryClient.prefetchQuery(trpc.estate.map.queryOptions({ estateId }));
    })
    .catch(() => undefined);
}

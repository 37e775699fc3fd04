import { onlineManager, QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { AppRouter } from './wire.ts';

/** The server answers batches of at most this many calls (server/http/request-limits.ts). */
const MAX_BATCH = 10;

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export function createClients() {
  // A page opened without signal (a phone reloading in a stairwell) starts offline: its queries wait and
  // the canvassing app shows its copy at once, instead of retrying for seconds first. Events keep it current after.
  if (typeof navigator !== 'undefined') onlineManager.setOnline(navigator.onLine);
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 10_000, retry: 2 } } });
  const trpcClient = createTRPCClient<AppRouter>({
    links: [
      // Subscriptions (the wall's live feed) over server-sent events; everything else batched.
      splitLink({ condition: (op) => op.type === 'subscription', true: httpSubscriptionLink({ url: '/trpc' }), false: httpBatchLink({ url: '/trpc', maxItems: MAX_BATCH }) }),
    ],
  });
  return { queryClient, trpcClient };
}

import { QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { AppRouter } from '../server/routers/_app.ts';

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

export function createClients() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 10_000, retry: 2 } } });
  const trpcClient = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: '/trpc' })] });
  return { queryClient, trpcClient };
}

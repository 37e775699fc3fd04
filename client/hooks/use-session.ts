import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { offlineCopy } from '../canvass/offline-copy.ts';
import { useTRPC } from '../trpc.ts';

export function useSession() {
  const trpc = useTRPC();
  const client = useQueryClient();
  const me = useQuery(trpc.auth.me.queryOptions());
  const refresh = () => client.invalidateQueries();
  // Whoever signs in or out, the phone's offline copy of the last user's registers goes.
  const login = useMutation(trpc.auth.login.mutationOptions({ onMutate: () => offlineCopy.clear(), onSuccess: refresh }));
  const logout = useMutation(trpc.auth.logout.mutationOptions({ onMutate: () => offlineCopy.clear(), onSuccess: refresh }));
  return { user: me.data ?? null, loading: me.isLoading, query: me, login, logout };
}

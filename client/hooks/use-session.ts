import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../trpc.ts';

export function useSession() {
  const trpc = useTRPC();
  const client = useQueryClient();
  const me = useQuery(trpc.auth.me.queryOptions());
  const refresh = () => client.invalidateQueries();
  const login = useMutation(trpc.auth.login.mutationOptions({ onSuccess: refresh }));
  const logout = useMutation(trpc.auth.logout.mutationOptions({ onSuccess: refresh }));
  return { user: me.data ?? null, loading: me.isLoading, login, logout };
}

import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useEffect, useRef } from 'react';
import { useTRPC } from '../trpc.ts';
import type { LiveChange } from '../wire.ts';

/** Changes arriving this close together re-read once. */
const COALESCE_MS = 250;

/**
 * Queries a kind of change cannot alter: a flat's vote does not move a
 * deadline, a stage does not move the leaderboard or the signatures over
 * time, neither changes who stands behind a stairwell (teams.coverage).
 * Everything else a screen shows is re-read.
 */
const UNAFFECTED: Partial<Record<LiveChange['kind'], readonly string[]>> = {
  flat: ['teams.coverage', 'stages.deadlines', 'estate.list', 'estate.basemap', 'auth.me', 'admin.site', 'admin.backups', 'admin.lastBackup', 'users.list'],
  stage: ['teams.coverage', 'history.progress', 'live.leaderboard', 'estate.list', 'estate.basemap', 'auth.me', 'admin.site', 'admin.backups', 'admin.lastBackup', 'users.list', 'canvass.answers'],
};

/** The changes heard and not yet re-read, per screen's query client. */
const pending = new WeakMap<QueryClient, Set<LiveChange['kind']>>();

/** tRPC's query key starts with the procedure's path: [['stages', 'deadlines'], …]. */
const pathOf = (key: readonly unknown[]) => (Array.isArray(key[0]) ? (key[0] as string[]).join('.') : '');

/**
 * Re-reads, once however many changes arrive within COALESCE_MS (one wall,
 * several hooks), the queries those changes may have altered.
 */
function refreshSoon(client: QueryClient, kind: LiveChange['kind'] | 'all'): void {
  const kinds = pending.get(client);
  if (kinds) {
    kinds.add(kind === 'all' ? 'resync' : kind);
    return;
  }
  pending.set(client, new Set([kind === 'all' ? 'resync' : kind]));
  setTimeout(() => {
    const heard = pending.get(client) ?? new Set();
    pending.delete(client);
    // A query is kept only when no change heard could have altered it.
    void client.invalidateQueries({ predicate: (q) => [...heard].some((k) => !(UNAFFECTED[k] ?? []).includes(pathOf(q.queryKey))) });
  }, COALESCE_MS);
}

/**
 * Keeps a screen current: every committed change of the estate (every
 * estate when null) re-reads what the screen shows (map, figures, plans,
 * deck, district), a resync or a reconnection re-reads everything it may
 * have missed. `onChange` hears each change first.
 */
export function useChanges(estateId: number | null | undefined, onChange?: (change: LiveChange) => void) {
  const trpc = useTRPC();
  const client = useQueryClient();
  const refresh = (kind: LiveChange['kind'] | 'all' = 'all') => refreshSoon(client, kind);
  const subscription = useSubscription(
    trpc.live.onChange.subscriptionOptions(
      { estateId: estateId ?? null },
      {
        enabled: estateId !== undefined,
        onData: (event) => {
          onChange?.(event.data);
          refresh(event.data.kind);
        },
      },
    ),
  );
  const connected = subscription.status === 'pending';
  // Only a reconnection re-reads: the first connection comes with data just fetched.
  const everUp = useRef(false);
  const wasDown = useRef(false);
  useEffect(() => {
    if (!connected) wasDown.current = everUp.current;
    else if (wasDown.current) {
      wasDown.current = false;
      refresh();
    }
    if (connected) everUp.current = true;
    // refresh only reads the stable query client.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [connected]);
  return { connected };
}

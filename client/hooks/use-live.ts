import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useEffect, useRef, useState } from 'react';
import type { LiveChange } from '../../server/live/live-bus.ts';
import { useTRPC } from '../trpc.ts';

/**
 * The wall's live line: every change re-reads the map, figures, feed and
 * leaderboard; the subscription reconnects by itself and, once back, re-reads
 * everything it may have missed; `lastHeard` is when the server last answered.
 */
export function useLive(estateId: number | undefined, pollMs = 30_000) {
  const trpc = useTRPC();
  const client = useQueryClient();
  const [lastChange, setLastChange] = useState<LiveChange | null>(null);
  const [lastEventAt, setLastEventAt] = useState(0);
  const enabled = estateId !== undefined;
  const refreshAll = () => {
    for (const key of [trpc.estate.map.queryKey(), trpc.live.recent.queryKey(), trpc.live.leaderboard.queryKey(), trpc.history.progress.queryKey()])
      void client.invalidateQueries({ queryKey: key });
  };
  const subscription = useSubscription(
    trpc.live.onChange.subscriptionOptions(
      { estateId: estateId ?? 0 },
      {
        enabled,
        onData: (event) => {
          setLastChange(event.data);
          // The change's own time: the server spoke then.
          setLastEventAt(Date.parse(event.data.at));
          refreshAll();
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
      refreshAll();
    }
    if (connected) everUp.current = true;
    // refreshAll only reads stable keys.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [connected]);
  // A poll as well: the wall shows how fresh its data is even when nothing changes.
  const recent = useQuery({ ...trpc.live.recent.queryOptions({ estateId: estateId ?? 0, limit: 12 }), enabled, refetchInterval: pollMs });
  const board = useQuery({ ...trpc.live.leaderboard.queryOptions({ estateId: estateId ?? 0 }), enabled, refetchInterval: 60_000 });
  return {
    connected,
    lastHeard: Math.max(lastEventAt, recent.dataUpdatedAt),
    lastChange,
    recent: recent.data ?? [],
    leaderboard: board.data,
  };
}
export type Live = ReturnType<typeof useLive>;

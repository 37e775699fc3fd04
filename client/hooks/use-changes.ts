import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useEffect, useRef } from 'react';
import type { LiveChange } from '../../server/live/live-change.ts';
import { useTRPC } from '../trpc.ts';

/** Changes arriving this close together re-read once. */
const COALESCE_MS = 250;

const pending = new WeakSet<QueryClient>();

/** Re-reads every query of the screen once, however many changes arrive within COALESCE_MS (one wall, several hooks). */
function refreshSoon(client: QueryClient): void {
  if (pending.has(client)) return;
  pending.add(client);
  setTimeout(() => {
    pending.delete(client);
    void client.invalidateQueries();
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
  const refresh = () => refreshSoon(client);
  const subscription = useSubscription(
    trpc.live.onChange.subscriptionOptions(
      { estateId: estateId ?? null },
      {
        enabled: estateId !== undefined,
        onData: (event) => {
          onChange?.(event.data);
          refresh();
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

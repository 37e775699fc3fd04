import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { MapColorKey } from '../../geo/palette/index.ts';
import { announceColour } from '../map/live-colours.ts';
import { useTRPC } from '../trpc.ts';
import { useChanges } from './use-changes.ts';
import type { FlatChange, StageChange } from '../wire.ts';

/**
 * The wall's live line: every change re-reads the map, figures, feed and
 * leaderboard (useChanges); the last flat change drives the pass banner;
 * `lastHeard` is when the server last answered.
 */
export function useLive(estateId: number | undefined, pollMs = 30_000) {
  const trpc = useTRPC();
  const [lastChange, setLastChange] = useState<FlatChange | StageChange | null>(null);
  const [lastEventAt, setLastEventAt] = useState(0);
  // The colours changes announced, drawn at once; the map's re-read follows.
  const [recolours, setRecolours] = useState<ReadonlyMap<number, MapColorKey>>(() => new Map());
  const enabled = estateId !== undefined;
  const { connected } = useChanges(estateId, (change) => {
    // The change's own time: the server spoke then.
    setLastEventAt(Date.now());
    if (change.kind === 'flat' || change.kind === 'stage') setLastChange(change);
    const colorKey = change.kind === 'flat' || change.kind === 'stage' ? change.colorKey : undefined;
    if (colorKey) {
      const { stairwellId } = change as FlatChange | StageChange;
      // Straight to the map, then into the page's state (kept for a map made again before the data is re-read).
      announceColour({ stairwellId, colorKey });
      setRecolours((before) => new Map(before).set(stairwellId, colorKey));
    }
  });
  // A poll as well: the wall shows how fresh its data is even when nothing changes.
  const recent = useQuery({ ...trpc.live.recent.queryOptions({ estateId: estateId ?? 0, limit: 12 }), enabled, refetchInterval: pollMs });
  const board = useQuery({ ...trpc.live.leaderboard.queryOptions({ estateId: estateId ?? 0 }), enabled, refetchInterval: 60_000 });
  return {
    connected,
    lastHeard: Math.max(lastEventAt, recent.dataUpdatedAt),
    lastChange,
    recolours,
    /** The map's data was re-read: it holds every colour announced so far. */
    clearRecolours: useCallback(() => setRecolours((before) => (before.size ? new Map() : before)), []),
    recent: recent.data ?? [],
    leaderboard: board.data,
  };
}
export type Live = ReturnType<typeof useLive>;

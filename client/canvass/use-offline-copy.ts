import type { UseQueryResult } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { useEffect, useState } from 'react';
import { offlineCopy, type OfflineCopy } from './offline-copy.ts';

/** The request never reached the server (no signal), as opposed to the server refusing it. */
export const unreachable = (query: { error: unknown; fetchStatus: UseQueryResult['fetchStatus'] }) =>
  query.fetchStatus === 'paused' || (query.error instanceof TRPCClientError && (query.error.data as { code?: string } | undefined)?.code === undefined);

export interface WithCopy<T> {
  data: T | undefined;
  /** When the shown data left the server: now for a live answer, the copy's time offline. */
  fetchedAt: number | null;
  /** Shown from the phone's copy because the server cannot be reached. */
  fromCopy: boolean;
}

/**
 * A canvassing query that keeps the phone's copy of its answer (for
 * `userId`, when `keep`) and falls back to that copy when the server cannot
 * be reached. Never shows a copy when the server answers, or refuses.
 */
export function useOfflineCopy<T, E>(key: string, query: UseQueryResult<T, E>, userId: number | null, keep: boolean): WithCopy<T> {
  // The copy read for `key`: a view reused for another stairwell never shows the previous one's register.
  const [read, setRead] = useState<{ key: string; copy: OfflineCopy<T> | null } | null>(null);
  const copy = read?.key === key ? read.copy : null;
  useEffect(() => {
    if (query.data !== undefined && userId !== null && keep) void offlineCopy.save(key, userId, query.data, query.dataUpdatedAt || Date.now());
  }, [key, query.data, query.dataUpdatedAt, userId, keep]);
  const cut = query.data === undefined && unreachable(query);
  useEffect(() => {
    if (!cut) return;
    let live = true;
    void offlineCopy.read<T>(key).then((c) => live && setRead({ key, copy: c && (userId === null || c.userId === userId) ? c : null }));
    return () => {
      live = false;
    };
  }, [key, cut, userId]);
  if (query.data !== undefined) return { data: query.data, fetchedAt: query.dataUpdatedAt, fromCopy: false };
  if (cut && copy) return { data: copy.data, fetchedAt: copy.fetchedAt, fromCopy: true };
  return { data: undefined, fetchedAt: null, fromCopy: false };
}

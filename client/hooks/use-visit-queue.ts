import { useQueryClient } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { useCallback, useEffect, useState } from 'react';
import type { VisitInput } from '../../server/canvass/visit-input.ts';
import { flushQueue, visitQueue, type QueuedVisit } from '../canvass/visit-queue.ts';
import { useTRPC, useTRPCClient } from '../trpc.ts';

const RETRY_MS = 10_000;

/** Records visits through the phone's queue and keeps sending until the server has them. */
export function useVisitQueue() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<QueuedVisit[]>([]);

  const flush = useCallback(async () => {
    const { sent } = await flushQueue(async (input: VisitInput) => {
      try {
        await client.canvass.recordVisit.mutate(input);
        return { ok: true };
      } catch (e) {
        const code = e instanceof TRPCClientError ? (e.data as { code?: string } | undefined)?.code : undefined;
        // No code: the request never reached the server. Keep it and try again.
        return { ok: false, retry: code === undefined || code === 'INTERNAL_SERVER_ERROR', error: (e as Error).message };
      }
    });
    setPending(await visitQueue.all());
    if (sent > 0) await queryClient.invalidateQueries({ queryKey: trpc.canvass.pathKey() });
  }, [client, queryClient, trpc]);

  useEffect(() => {
    void visitQueue.all().then(setPending);
    // Send what an earlier session left behind as soon as the page is up, then keep trying.
    const first = setTimeout(() => void flush(), 0);
    const retry = setInterval(() => void flush(), RETRY_MS);
    const online = () => void flush();
    window.addEventListener('online', online);
    return () => {
      clearTimeout(first);
      clearInterval(retry);
      window.removeEventListener('online', online);
    };
  }, [flush]);

  const record = useCallback(
    async (input: VisitInput, label: string) => {
      await visitQueue.put({ input, label, state: 'queued' });
      setPending(await visitQueue.all());
      await flush();
    },
    [flush],
  );
  const discard = useCallback(async (clientId: string) => {
    await visitQueue.remove(clientId);
    setPending(await visitQueue.all());
  }, []);
  return { pending, record, discard, flush };
}

import { useQueryClient } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { useCallback, useEffect, useState } from 'react';
import { isFormal } from '../../geo/evidence/index.ts';
import { flushQueue, visitQueue, type QueuedVisit } from '../canvass/visit-queue.ts';
import { useTRPC, useTRPCClient } from '../trpc.ts';
import type { VisitInput } from '../wire.ts';
import { refusalText } from './use-problem-text.ts';

const RETRY_MS = 10_000;

/** What the server said about the last visit it took from this phone: shown as a confirmation. */
export interface SavedVisit {
  clientId: string;
  label: string;
  status: VisitInput['status'];
  /** This save made the stairwell reach the rule (已达标). */
  ruleMet: boolean;
  /** A written vote's evidence: sent with it (待核验), or not (待补证); null for other statuses. */
  evidence: 'attached' | 'missing' | null;
  door: string | null;
}

/**
 * Records visits through the phone's queue and keeps sending until the server
 * has them; knows whether the phone is offline (the browser says so, or a
 * send never reached the server) and what the last delivered save was.
 */
export function useVisitQueue() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<QueuedVisit[]>([]);
  const [offline, setOffline] = useState(() => typeof navigator !== 'undefined' && navigator.onLine === false);
  const [saved, setSaved] = useState<SavedVisit | null>(null);

  const flush = useCallback(async () => {
    const labels = new Map((await visitQueue.all()).map((v) => [v.input.clientId, v.label]));
    const { sent } = await flushQueue(async (input: VisitInput) => {
      try {
        const r = await client.canvass.recordVisit.mutate(input);
        setOffline(false);
        const written = isFormal(input.status) ? (input.evidence ? 'attached' : 'missing') : null;
        setSaved({ clientId: input.clientId, label: labels.get(input.clientId) ?? '', status: input.status, ruleMet: r.ruleMetNow, door: r.doorNumber, evidence: written });
        return { ok: true };
      } catch (e) {
        const code = e instanceof TRPCClientError ? (e.data as { code?: string } | undefined)?.code : undefined;
        // No code: the request never reached the server. Keep it and try again.
        if (code === undefined) setOffline(true);
        return { ok: false, retry: code === undefined || code === 'INTERNAL_SERVER_ERROR', error: refusalText(e) };
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
    const online = () => {
      setOffline(false);
      void flush();
    };
    // The banner appears the moment the phone loses its connection, not at the next failed send.
    const lost = () => setOffline(true);
    window.addEventListener('online', online);
    window.addEventListener('offline', lost);
    return () => {
      clearTimeout(first);
      clearInterval(retry);
      window.removeEventListener('online', online);
      window.removeEventListener('offline', lost);
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
  const dismissSaved = useCallback(() => setSaved(null), []);
  return { pending, record, discard, flush, offline, saved, dismissSaved };
}

import { canvassDb, COPIES } from './canvass-db.ts';

/**
 * What a canvasser's phone last read from the server, kept so the register
 * of their own stairwells, the 锦囊 answers and the costs can be read in a
 * stairwell without signal, also after the phone discarded the tab. It holds
 * residents' personal data, so: only a canvasser's own (the server sends
 * nothing else), one user at a time (another user's sign-in clears it),
 * cleared on sign-out and when the server says the session ended, and
 * thrown away after OFFLINE_COPY_DAYS.
 */
export const OFFLINE_COPY_DAYS = 7;

export interface OfflineCopy<T = unknown> {
  /** `me`, `stairwells:<estate|all>` or `register:<stairwell>`. */
  key: string;
  userId: number;
  fetchedAt: number;
  data: T;
}

export const offlineCopy = {
  async save<T>(key: string, userId: number, data: T, now = Date.now()): Promise<void> {
    const db = await canvassDb();
    // One user's copies at a time: a different user's sign-in clears the last one's first.
    const someone = (await db.getAll(COPIES)) as OfflineCopy[];
    if (someone.some((c) => c.userId !== userId)) await db.clear(COPIES);
    await db.put(COPIES, { key, userId, fetchedAt: now, data } satisfies OfflineCopy<T>);
  },
  async read<T>(key: string, now = Date.now()): Promise<OfflineCopy<T> | null> {
    const copy = ((await (await canvassDb()).get(COPIES, key)) as OfflineCopy<T> | undefined) ?? null;
    return copy && now - copy.fetchedAt <= OFFLINE_COPY_DAYS * 86_400_000 ? copy : null;
  },
  /** Copies older than OFFLINE_COPY_DAYS are deleted (at every start of /canvass). */
  async prune(now = Date.now()): Promise<number> {
    const db = await canvassDb();
    const old = ((await db.getAll(COPIES)) as OfflineCopy[]).filter((c) => now - c.fetchedAt > OFFLINE_COPY_DAYS * 86_400_000);
    for (const c of old) await db.delete(COPIES, c.key);
    return old.length;
  },
  async clear(): Promise<void> {
    await (await canvassDb()).clear(COPIES);
  },
  async count(): Promise<number> {
    return (await canvassDb()).count(COPIES);
  },
};

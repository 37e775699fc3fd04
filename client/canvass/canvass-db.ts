import { openDB, type IDBPDatabase } from 'idb';

/** Visits recorded and not yet sent (visit-queue.ts). */
export const VISITS = 'visits';
/** What the phone last read from the server, for reading without signal (offline-copy.ts). */
export const COPIES = 'copies';

let db: Promise<IDBPDatabase> | null = null;

/** The phone's one IndexedDB database for canvassing; version 2 added the offline copies. */
export const canvassDb = () =>
  (db ??= openDB('liftmap-canvass', 2, {
    upgrade: (d, from) => {
      if (from < 1) d.createObjectStore(VISITS, { keyPath: 'input.clientId' });
      if (from < 2) d.createObjectStore(COPIES, { keyPath: 'key' });
    },
  }));

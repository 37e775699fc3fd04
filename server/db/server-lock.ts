import { readFileSync, rmSync, writeFileSync } from 'node:fs';

/** The file beside a database that says which server process has it open. */
export const lockFileOf = (dbPath: string) => `${dbPath}.server.pid`;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The pid of a live server holding `dbPath`, or null (no lock, or its process is gone, e.g. after kill -9). */
export function serverHolding(dbPath: string): number | null {
  if (dbPath === ':memory:') return null;
  let pid: number;
  try {
    pid = Number(readFileSync(lockFileOf(dbPath), 'utf8').trim());
  } catch {
    return null;
  }
  return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : null;
}

/**
 * Marks `dbPath` as open by this server, so `npm run restore` refuses to
 * replace it underneath; returns the release. Refuses when another live
 * server holds it.
 */
export function holdServerLock(dbPath: string): () => void {
  if (dbPath === ':memory:') return () => undefined;
  const other = serverHolding(dbPath);
  if (other !== null && other !== process.pid) throw new Error(`another LiftMap server (pid ${other}) has ${dbPath} open; stop it first`);
  writeFileSync(lockFileOf(dbPath), `${process.pid}\n`);
  return () => {
    if (serverHolding(dbPath) === process.pid) rmSync(lockFileOf(dbPath), { force: true });
  };
}

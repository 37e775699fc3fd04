import { addDays } from '../../geo/time/index.ts';

/** How many backups to keep: the newest of each of the last `daily` days that have one, and of each of the last `weekly` weeks. */
export interface Retention {
  daily: number;
  weekly: number;
}

/** A backup's day (Shanghai) from its file name `liftmap-YYYYMMDDTHHMMSS.db`, or null for another file. */
export function backupDay(fileName: string): string | null {
  const m = /^liftmap-(\d{4})(\d{2})(\d{2})T\d{6}\.db$/.exec(fileName);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** The Monday of a day's ISO week. */
function weekOf(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/**
 * Which backup files to delete under a retention: of those named by their
 * time, keep the newest of each day for the newest `daily` days and the
 * newest of each week for the newest `weekly` weeks; the rest go. Files not
 * named as backups are never touched.
 */
export function backupsToDelete(fileNames: readonly string[], retention: Retention): string[] {
  const backups = fileNames.filter((f) => backupDay(f) !== null).sort().reverse();
  const keep = new Set<string>();
  const newestOf = (key: (f: string) => string, count: number) => {
    const seen = new Set<string>();
    for (const f of backups) {
      const k = key(f);
      if (seen.has(k)) continue;
      if (seen.size >= count) break;
      seen.add(k);
      keep.add(f);
    }
  };
  newestOf((f) => backupDay(f)!, retention.daily);
  newestOf((f) => weekOf(backupDay(f)!), retention.weekly);
  return backups.filter((f) => !keep.has(f));
}

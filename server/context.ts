import type { SessionUser } from './auth/sessions.ts';
import { LoginLimiter } from './auth/login-limiter.ts';
import type { Db } from './db/open-database.ts';
import type { Basemap, BackupSettings, SiteSettings } from './env.ts';
import { LiveBus } from './live/live-bus.ts';

export interface Context {
  db: Db;
  user: SessionUser | null;
  bus: LiveBus;
  limiter: LoginLimiter;
  /** Who is asking, for rate limits: the client's address. */
  clientKey: string;
  now: () => Date;
  /** Wakes live screens after a command committed changes. */
  committed: () => void;
  /** The session token of this request, if any (for sign-out). */
  token?: string;
  /** Sets a cookie on the response (sign-in, sign-out). */
  setCookie: (cookie: string) => void;
  secure: boolean;
  /** The raster basemap the clients draw under the estate, or null (offline style). */
  basemap: Basemap | null;
  /** Where /admin's backups go and when the server makes its own, or null where the app makes none (PostgreSQL). */
  backups: BackupSettings | null;
  /** The public address and the local certificate authority, if any. */
  site: SiteSettings;
}

/** The context without HTTP, for tests through createCaller and for the HTTP adapter alike. */
export function createContextInner(opts: { db: Db } & Partial<Omit<Context, 'db'>>): Context {
  const bus = opts.bus ?? new LiveBus(opts.db);
  return {
    user: null,
    bus,
    committed: () => bus.poke(),
    limiter: new LoginLimiter(opts.db),
    clientKey: 'local',
    now: () => new Date(),
    setCookie: () => undefined,
    secure: false,
    basemap: null,
    backups: null,
    site: { publicUrl: null, localCa: null },
    ...opts,
  };
}

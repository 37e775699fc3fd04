import { join } from 'node:path';
import { z } from 'zod';
import { parseTrustProxy } from './http/forwarded.ts';
import { DISPLAY_DATUMS } from '../geo/estate/datum.ts';

const ROOT = join(import.meta.dirname, '..');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** SQLite file; created, migrated and seeded on first start. */
  LIFTMAP_DB: z.string().min(1).default(join(ROOT, 'var', 'liftmap.db')),
  /** PostgreSQL instead of the SQLite file (postgres://user:password@host:5432/liftmap): several app servers may share it. */
  LIFTMAP_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'expected a PostgreSQL URL such as postgres://liftmap:secret@127.0.0.1:5432/liftmap')
    .optional(),
  /** Folder of the estate loaded into an empty database (see data/README.md). */
  LIFTMAP_SEED_DIR: z.string().min(1).default(join(ROOT, 'data', 'fenghe')),
  /** Built client to serve; `npm start` builds it. */
  LIFTMAP_CLIENT_DIR: z.string().min(1).default(join(ROOT, 'dist', 'client')),
  /** PEM certificate and key: both set, the server speaks HTTPS (phones need it for geolocation). */
  LIFTMAP_TLS_CERT: z.string().min(1).optional(),
  LIFTMAP_TLS_KEY: z.string().min(1).optional(),
  /** `local`: the server makes (once) a certificate authority of its own and a certificate for this machine's names, renews it, and speaks HTTPS; phones install the authority from /ca.crt. */
  LIFTMAP_TLS: z.enum(['off', 'local']).default('off'),
  /** Where the local authority and certificate live (`npm run certs` writes them there too). */
  LIFTMAP_TLS_DIR: z.string().min(1).default(join(ROOT, 'var', 'tls')),
  /** Names or addresses the local certificate covers besides this machine's own (comma-separated). */
  LIFTMAP_TLS_NAMES: z
    .string()
    .regex(/^[\w.:-]+(,[\w.:-]+)*$/, 'expected names or addresses separated by commas, such as liftmap.lan,10.0.0.5')
    .optional(),
  /** With HTTPS, a plain-HTTP port that offers /ca.crt to phones that do not trust the authority yet and sends everything else to HTTPS. */
  LIFTMAP_HTTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** The address phones and shared links use (https://lift.example.org): printed in every QR code. */
  LIFTMAP_PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^/?#\s]+$/, 'expected an origin such as https://lift.example.org or http://192.168.1.20:3000, without a path')
    .optional(),
  /** Peers whose X-Forwarded-For/-Proto/-Host are believed: loopback, private, or addresses and ranges (comma-separated). */
  LIFTMAP_TRUST_PROXY: z.string().min(1).optional(),
  /** Optional raster basemap: a tile URL template with {z}, {x}, {y}; the offline style stays the default. */
  LIFTMAP_BASEMAP_URL: z.string().regex(/\{z\}.*\{x\}.*\{y\}|\{z\}.*\{y\}.*\{x\}/, 'expected a tile URL template containing {z}, {x} and {y}').optional(),
  /** Who the tiles belong to, shown on the map (required with a basemap). */
  LIFTMAP_BASEMAP_ATTRIBUTION: z.string().min(1).optional(),
  /** The tiles' datum: wgs84 (OpenStreetMap, Tianditu) or gcj02 (AMap/Gaode); estate layers are shifted for display only. */
  LIFTMAP_BASEMAP_DATUM: z.enum(DISPLAY_DATUMS).default('wgs84'),
  /** Where backups go (SQLite): the server's own daily ones, /admin's and `npm run backup`'s. */
  LIFTMAP_BACKUP_DIR: z.string().min(1).default(join(ROOT, 'var', 'backups')),
  /** When the server backs up by itself each day, Shanghai time; `off` for never (then schedule `npm run backup` yourself). */
  LIFTMAP_BACKUP_TIME: z
    .string()
    .regex(/^(off|([01]\d|2[0-3]):[0-5]\d)$/, 'expected a time of day such as 03:00, or off')
    .default('03:00'),
  /** Backups kept: the newest of each of this many days… */
  LIFTMAP_BACKUP_KEEP_DAILY: z.coerce.number().int().min(1).max(3650).default(14),
  /** …and of each of this many weeks. */
  LIFTMAP_BACKUP_KEEP_WEEKLY: z.coerce.number().int().min(0).max(520).default(8),
});
export type Env = z.infer<typeof envSchema>;

/** Parses the environment once at start; a bad value stops the server with the variable's name. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success)
    throw new Error(`bad environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  if (!parsed.data.LIFTMAP_TLS_CERT !== !parsed.data.LIFTMAP_TLS_KEY)
    throw new Error('bad environment: LIFTMAP_TLS_CERT and LIFTMAP_TLS_KEY: expected both or neither');
  if (parsed.data.LIFTMAP_TLS === 'local' && parsed.data.LIFTMAP_TLS_CERT)
    throw new Error('bad environment: LIFTMAP_TLS=local makes its own certificate: leave LIFTMAP_TLS_CERT and LIFTMAP_TLS_KEY unset');
  parseTrustProxy(parsed.data.LIFTMAP_TRUST_PROXY);
  if (parsed.data.LIFTMAP_BASEMAP_URL && !parsed.data.LIFTMAP_BASEMAP_ATTRIBUTION)
    throw new Error('bad environment: LIFTMAP_BASEMAP_ATTRIBUTION: expected the tiles’ attribution alongside LIFTMAP_BASEMAP_URL');
  return parsed.data;
}

export interface Basemap {
  tiles: string;
  attribution: string;
  datum: 'wgs84' | 'gcj02';
}

/** Where backups go, and when the server makes its own (null: never) with how many it keeps. */
export interface BackupSettings {
  dir: string;
  at: string | null;
  daily: number;
  weekly: number;
}

/** The backups of a SQLite server; null on PostgreSQL, whose own tools back up. */
export function backupSettingsOf(env: Env): BackupSettings | null {
  if (env.LIFTMAP_DATABASE_URL) return null;
  return { dir: env.LIFTMAP_BACKUP_DIR, at: env.LIFTMAP_BACKUP_TIME === 'off' ? null : env.LIFTMAP_BACKUP_TIME, daily: env.LIFTMAP_BACKUP_KEEP_DAILY, weekly: env.LIFTMAP_BACKUP_KEEP_WEEKLY };
}

/** How phones reach this server: the address in QR codes and the local authority they install. */
export interface SiteSettings {
  /** LIFTMAP_PUBLIC_URL, or null: then pages use the address they were opened from. */
  publicUrl: string | null;
  /** The committee's own certificate authority (LIFTMAP_TLS=local), or null. Updated when the certificate is renewed. */
  localCa: { pem: string; fingerprint: string; names: string[]; notAfter: string } | null;
}

/** The configured raster basemap, or null for the offline style. */
export function basemapOf(env: Env): Basemap | null {
  return env.LIFTMAP_BASEMAP_URL && env.LIFTMAP_BASEMAP_ATTRIBUTION
    ? { tiles: env.LIFTMAP_BASEMAP_URL, attribution: env.LIFTMAP_BASEMAP_ATTRIBUTION, datum: env.LIFTMAP_BASEMAP_DATUM }
    : null;
}

/**
 * On PostgreSQL the database's own tools back up and restore: they are
 * consistent while every app server keeps writing, and a replica or
 * point-in-time recovery is configured there, not in LiftMap.
 */
export const POSTGRES_BACKUP = [
  'LIFTMAP_DATABASE_URL is set: the data is in PostgreSQL, and PostgreSQL backs it up (数据在 PostgreSQL 中，请用 PostgreSQL 自带的备份工具):',
  '  pg_dump --format=custom --file=liftmap-$(date +%Y%m%d-%H%M).dump "$LIFTMAP_DATABASE_URL"   # consistent while the servers keep running',
  '  or continuous archiving (pg_basebackup + WAL archive) and a streaming replica for point-in-time recovery and failover.',
  'See README.md, "Running on PostgreSQL".',
].join('\n');

export const POSTGRES_RESTORE = [
  'LIFTMAP_DATABASE_URL is set: restore with PostgreSQL’s tools (请用 PostgreSQL 自带的工具恢复):',
  '  stop every LiftMap server, then: pg_restore --clean --if-exists --single-transaction --dbname="$LIFTMAP_DATABASE_URL" liftmap-….dump',
  '  then check every vote evidence file against its stored hash: npm run evidence -- check',
  '  and start the servers again; a newer schema in the dump than this LiftMap knows is refused at start.',
  'See README.md, "Running on PostgreSQL".',
].join('\n');

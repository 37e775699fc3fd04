import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import { createPgDatabase, ON_POSTGRES } from '../support/test-database.ts';

describe.skipIf(!ON_POSTGRES)('npm run backup and restore on PostgreSQL', () => {
  it('say which PostgreSQL tools to use, and change nothing', async () => {
    const target = { file: null, databaseUrl: await createPgDatabase('liftmap_seeded') };
    const backup = runCli('backup', target);
    expect(backup.code).toBe(1);
    expect(backup.err).toMatch(/pg_dump --format=custom/);
    expect(backup.err).toMatch(/请用 PostgreSQL 自带的备份工具/);
    const restore = runCli('restore', target, 'liftmap.dump');
    expect(restore.code).toBe(1);
    expect(restore.err).toMatch(/pg_restore --clean --if-exists --single-transaction/);
    expect(restore.err).toContain('npm run evidence -- check');
  });

  it('npm run user works against the shared database', async () => {
    const target = { file: null, databaseUrl: await createPgDatabase('liftmap_seeded') };
    const added = runCli('user', target, 'add', 'chen', '--role', 'viewer');
    expect(added.err).toBe('');
    expect(added.out).toMatch(/created chen \(viewer\) with password \S{12,}/);
    expect(runCli('user', target, 'list').out).toMatch(/chen\tviewer\n/);
  });
});

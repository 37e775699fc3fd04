import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/**
 * Three projects: unit and server tests on SQLite, the browser tests (also on
 * SQLite, with a longer limit), and the server and integration tests again on PostgreSQL (a throwaway cluster, tests/support/pg-cluster.ts).
 * The PostgreSQL project runs wherever Debian's postgresql package is
 * installed; LIFTMAP_TEST_POSTGRES=require (CI) makes its absence a failure.
 */
const postgres = existsSync('/usr/lib/postgresql') || process.env.LIFTMAP_TEST_POSTGRES === 'require';
if (!postgres) console.warn('PostgreSQL is not installed (apt-get install -y postgresql): the server tests run on SQLite only');

const shared = {
  testTimeout: 60_000,
  hookTimeout: 120_000,
  /**
   * A worker keeps the modules it has loaded from one test file to the next:
   * loading the server afresh for every file cost 146 s of a 553 s run. A
   * test file holds its state in its own variables and databases (no
   * vi.mock, no module-level switches), so nothing carries over but code.
   */
  isolate: false,
};
/**
 * A browser test is one step of a user's errand on software WebGL, sharing 2
 * cores with another file; the longest (the deck as A4 and A3 PDFs) takes
 * about 35 s. The limit only catches a hang: every step waits on what the
 * user would see, with its own timeout.
 */
const browser = {
  ...shared,
  testTimeout: 90_000,
  // A screen updates after a live change and a re-read; on a loaded CI machine that took over vitest's default 1 s once (errand.test.ts, stop 41).
  expect: { poll: { timeout: 15_000 } },
};
/** The migrated and the seeded SQLite database, made once per run and copied by each test. */
const sqliteTemplates = 'tests/support/sqlite-templates.ts';

export default defineConfig({
  test: {
    fileParallelism: true,
    maxWorkers: 2,
    projects: [
      { test: { ...shared, name: 'sqlite', include: ['tests/**/*.test.ts'], exclude: ['tests/browser/**'], globalSetup: [sqliteTemplates] } },
      { test: { ...browser, name: 'browser', include: ['tests/browser/**/*.test.ts'], globalSetup: [sqliteTemplates] } },
      ...(postgres
        ? [
            {
              test: {
                ...shared,
                name: 'postgres',
                include: ['tests/server/**/*.test.ts'],
                env: { LIFTMAP_TEST_DATABASE: 'postgres' },
                globalSetup: ['tests/support/pg-cluster.ts'],
              },
            },
          ]
        : []),
    ],
  },
});

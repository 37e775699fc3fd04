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
};
/**
 * A browser test is a user's whole errand (six edits on /edit, a stairwell
 * through every stage) on software WebGL, sharing 2 cores with another file:
 * 50 s here has run past 60 s on a slower CI machine. The limit only catches
 * a hang; every step waits on what the user would see, with its own timeout.
 */
const browser = { ...shared, testTimeout: 180_000 };

export default defineConfig({
  test: {
    fileParallelism: true,
    maxWorkers: 2,
    projects: [
      { test: { ...shared, name: 'sqlite', include: ['tests/**/*.test.ts'], exclude: ['tests/browser/**'] } },
      { test: { ...browser, name: 'browser', include: ['tests/browser/**/*.test.ts'] } },
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

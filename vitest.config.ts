import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/**
 * Two projects: everything on SQLite, and the server and integration tests
 * again on PostgreSQL (a throwaway cluster, tests/support/pg-cluster.ts).
 * The PostgreSQL project runs wherever Debian's postgresql package is
 * installed; LIFTMAP_TEST_POSTGRES=require (CI) makes its absence a failure.
 */
const postgres = existsSync('/usr/lib/postgresql') || process.env.LIFTMAP_TEST_POSTGRES === 'require';
if (!postgres) console.warn('PostgreSQL is not installed (apt-get install -y postgresql): the server tests run on SQLite only');

const shared = {
  // Browser tests start their own server and Chromium; give them room on 2 cores.
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

export default defineConfig({
  test: {
    fileParallelism: true,
    maxWorkers: 2,
    projects: [
      { test: { ...shared, name: 'sqlite', include: ['tests/**/*.test.ts'] } },
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

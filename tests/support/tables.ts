/**
 * The tables of the database the tests run on (see test-database.ts), for
 * tests that read it directly: the same names and row types either way.
 */
import type { Tables } from '../../server/db/database.ts';
import * as pgSchema from '../../server/db/schema-pg.ts';
import * as sqliteSchema from '../../server/db/schema.ts';
import { ON_POSTGRES } from './test-database.ts';

const t = (ON_POSTGRES ? pgSchema : sqliteSchema) as unknown as Tables;
export const { backups, canvasserStairwells, canvassers, consentEvents, estates, flats, phaseScenarios, sessions, stageEvents, stairwells, users, visits } = t;
export { t };

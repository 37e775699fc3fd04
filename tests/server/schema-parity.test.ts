import { getTableColumns, getTableName, is, Table } from 'drizzle-orm';
import { getTableConfig as pgConfig } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig } from 'drizzle-orm/sqlite-core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as pg from '../../server/db/schema-pg.ts';
import * as sqlite from '../../server/db/schema.ts';

const tablesOf = (schema: Record<string, unknown>) => Object.fromEntries(Object.entries(schema).filter(([, t]) => is(t, Table))) as Record<string, Table>;
const sqliteTables = tablesOf(sqlite);
const pgTables = tablesOf(pg);

/**
 * What a column means to the query layer, whatever the dialect calls its
 * type. An INTEGER PRIMARY KEY in SQLite is the rowid and always "has a
 * default", so defaults are compared on the other columns (the serial ids
 * are compared through their tables' inserts in every other test).
 */
const meaning = (t: Table) =>
  Object.fromEntries(
    Object.entries(getTableColumns(t)).map(([key, c]) => [key, { name: c.name, dataType: c.dataType as string, notNull: c.notNull, hasDefault: c.primary ? 'primary' : c.hasDefault, primary: c.primary }]),
  );

describe('one schema meaning in both dialects', () => {
  it('has the same tables, columns, nullability, defaults and keys in schema.ts and schema-pg.ts', () => {
    expect(Object.keys(pgTables).sort()).toEqual(Object.keys(sqliteTables).sort());
    for (const [key, t] of Object.entries(sqliteTables)) {
      const other = pgTables[key]!;
      expect(getTableName(other), key).toBe(getTableName(t));
      expect(meaning(other), key).toEqual(meaning(t));
    }
  });

  it('has the same indexes and unique constraints', () => {
    for (const [key, t] of Object.entries(sqliteTables)) {
      const s = sqliteConfig(t as never);
      const p = pgConfig(pgTables[key] as never);
      const names = (cfg: { indexes: { config: { name?: string; unique: boolean } }[] }) => cfg.indexes.map((i) => `${i.config.name ?? '?'}${i.config.unique ? ' unique' : ''}`).sort();
      expect(names(p), key).toEqual(names(s));
      expect(p.primaryKeys.length, key).toBe(s.primaryKeys.length);
    }
  });

  it('gives the query layer the same row types', () => {
    expectTypeOf<typeof pg.stairwells.$inferSelect>().toEqualTypeOf<typeof sqlite.stairwells.$inferSelect>();
    expectTypeOf<typeof pg.flats.$inferSelect>().toEqualTypeOf<typeof sqlite.flats.$inferSelect>();
    expectTypeOf<typeof pg.estates.$inferSelect>().toEqualTypeOf<typeof sqlite.estates.$inferSelect>();
    expectTypeOf<typeof pg.visits.$inferInsert>().toEqualTypeOf<typeof sqlite.visits.$inferInsert>();
    expectTypeOf<typeof pg.changeLog.$inferSelect>().toEqualTypeOf<typeof sqlite.changeLog.$inferSelect>();
    expectTypeOf<typeof pg.phaseScenarios.$inferSelect>().toEqualTypeOf<typeof sqlite.phaseScenarios.$inferSelect>();
  });
});

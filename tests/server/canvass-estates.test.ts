import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEstateGeoJSON } from '../../geo/estate/index.ts';
import { addUser, UserError } from '../../server/auth/manage-users.ts';
import { importEstate } from '../../server/import/import-estate.ts';
import { readRegisterFile } from '../../server/register/read-register-file.ts';
import { callerAs } from '../support/caller.ts';
import { ROOT, seededDatabase, type SeededDatabase } from '../support/test-server.ts';

let server: SeededDatabase;
let pilot: number;
beforeAll(async () => {
  server = await seededDatabase();
  const fixture = (name: string) => readFileSync(join(ROOT, 'tests', 'fixtures', 'import', name));
  const parsed = parseEstateGeoJSON(JSON.parse(fixture('valid.geojson').toString('utf8')));
  const read = await readRegisterFile(fixture('register.csv'), 'register.csv');
  if (!parsed.ok || !read.ok) throw new Error('fixtures must parse');
  // The second estate has its own C01, as every committee numbers its canvassers from 1.
  pilot = await importEstate(server.db, {
    slug: '试点小区',
    layout: parsed.layout,
    schematic: true,
    campaign: { register: read.rows, canvassers: [{ canvasserId: 'C01', name: '周敏', role: 'volunteer', partyGroup: null, doorNumbers: ['2幢1单元', '2幢2单元'] }], consentEvents: [], stageEvents: [] },
  });
});
afterAll(() => server.close());

describe('canvassing when the subdistrict runs several estates', () => {
  it('asks which estate a canvasser id means when two estates use it, and never guesses', async () => {
    await expect(addUser(server.db, 'zhou', 'canvasser', 'C01')).rejects.toThrow(new UserError('canvasser: C01 is in estates 1, ' + pilot + '; name one with --estate ID', `包干人 C01 在多个小区（1、${pilot}），请指定小区`));
    await expect(addUser(server.db, 'zhou', 'canvasser', 'C01', 99)).rejects.toThrow(/no canvasser C01 in estate 99/);
  });

  it('gives a canvasser of the second estate their own stairwells there, and staff the estate they chose', async () => {
    const zhou = await callerAs(server.db, 'canvasser', {}, 'C01', pilot);
    expect((await zhou.canvass.myStairwells({})).map((s) => s.doorNumber).sort()).toEqual(['2幢1单元', '2幢2单元']);
    // The estate a canvasser works in is theirs, whatever the device chose.
    expect((await zhou.canvass.myStairwells({ estateId: 1 })).map((s) => s.doorNumber).sort()).toEqual(['2幢1单元', '2幢2单元']);

    const li = await callerAs(server.db, 'planner');
    expect(await li.canvass.myStairwells({ estateId: pilot })).toHaveLength(7);
    expect(await li.canvass.myStairwells({})).toHaveLength(80);
  });
});

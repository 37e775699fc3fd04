/**
 * `npm run import -- estate FILE [--register FILE] [--canvassers FILE] [--from wgs84|gcj02|bd09] [--reference LNG,LAT]`
 *
 * Imports an estate's GeoJSON (SPEC §7) and optionally its register and its
 * 包干 table (CSV or XLSX) into LIFTMAP_DB in one transaction: a new estate, or the estate of the
 * same name updated in place. Exits 2 with every problem when nothing was written.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { isDatum } from '../../geo/estate/index.ts';
import type { LngLat } from '../../geo/geometry/local-frame.ts';
import { openConfigured } from '../db/open-configured.ts';
import { parseEnv } from '../env.ts';
import { SHELL_USER } from '../commands/command.ts';
import { importEstate } from '../commands/import-estate.ts';
import { readCanvasserFile } from '../import/read-canvasser-file.ts';
import { readRegisterFile } from '../register/read-register-file.ts';

const USAGE = 'usage: npm run import -- estate FILE.geojson [--register FILE.csv|.xlsx] [--canvassers FILE.csv|.xlsx] [--from wgs84|gcj02|bd09] [--reference LNG,LAT]';

function fail(lines: string[], code = 2): never {
  for (const line of lines) console.error(line);
  process.exit(code);
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { register: { type: 'string' }, canvassers: { type: 'string' }, from: { type: 'string', default: 'wgs84' }, reference: { type: 'string' } },
});
const [what, file] = positionals;
if (what !== 'estate' || !file) fail([USAGE]);
if (!isDatum(values.from)) fail([`--from: expected wgs84, gcj02 or bd09, got ${values.from}`]);
let reference: LngLat | null = null;
if (values.reference) {
  const [lng, lat] = values.reference.split(',').map(Number);
  if (!Number.isFinite(lng) || !Number.isFinite(lat)) fail([`--reference: expected LNG,LAT in WGS-84, e.g. 121.399,31.227; got ${values.reference}`]);
  reference = [lng!, lat!];
}

/** A file's bytes, or a plain message when it cannot be read. */
function readInput(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    return fail([`${path}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`]);
  }
}

let geojson: unknown;
try {
  geojson = JSON.parse(readInput(file).toString('utf8'));
} catch (e) {
  fail([`${file}: not valid JSON (${(e as Error).message})`]);
}
let register = null;
if (values.register) {
  const read = await readRegisterFile(readInput(values.register), basename(values.register));
  if (!read.ok) fail(read.errors);
  register = read.rows;
}

let canvassers = null;
if (values.canvassers) {
  const read = await readCanvasserFile(readInput(values.canvassers), basename(values.canvassers));
  if (!read.ok) fail(read.errors);
  canvassers = { rows: read.rows, file: basename(values.canvassers) };
}

const env = parseEnv();
/** This program's one clock, at its edge: the command and everything under it read it from its context. */
const now = () => new Date();
const { db, close } = await openConfigured(env);
try {
  // The same command as /admin: a server running on this database hears the change within a second.
  const result = await importEstate({ db, now, user: SHELL_USER }, { geojson, register, canvassers, from: values.from, reference });
  if (!result.ok) fail([`${file}: nothing was imported`, ...result.problems]);
  const { outcome } = result;
  if (outcome.kind === 'created') console.log(`imported ${outcome.name} as estate ${outcome.estateId}: ${outcome.stairwells} stairwells, ${outcome.flats} flats, ${outcome.canvassers} canvassers`);
  else {
    console.log(
      `updated ${outcome.name} in place: stairwells ${outcome.stairwells.kept} kept, ${outcome.stairwells.added} added, ${outcome.stairwells.removed} removed; ${outcome.flatsKept} flats`,
    );
    if (outcome.canvassers !== null) console.log(`包干: ${outcome.canvassers} canvassers, their stairwells as the table gives them`);
    if (outcome.adjusted.kept) console.log(`kept ${outcome.adjusted.kept} doors and elevator sites placed in /admin (the file gives none for them)`);
    for (const part of outcome.adjusted.dropped) console.log(`placed in /admin but no longer by its stairwell, so replaced by the file's: ${part}`);
  }
} finally {
  await close();
}

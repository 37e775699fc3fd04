/**
 * `npm run import -- estate FILE.geojson [--register FILE] [--canvassers FILE] [--from wgs84|gcj02|bd09] [--reference LNG,LAT]`
 * `npm run import -- buildings FILE [--within BOUNDARY | --bbox W,S,E,N] [--floors-field NAME] [--code-field NAME]
 *      [--min-floors 5] [--max-floors 7] [--name NAME] [--metres-per-stairwell 18] [--register FILE] [--canvassers FILE] [--from …] [--reference …]`
 *
 * `estate` imports SPEC §7's GeoJSON; `buildings` makes an estate from a
 * building-outline file as a committee gets it (GeoJSON with any
 * attributes, a zipped Shapefile, KML/KMZ, OpenStreetMap). Either way, with
 * the register and the 包干 table (CSV or XLSX), into the configured
 * database in one transaction: a new estate, or the estate of the same name
 * updated in place. Exits 2 with every problem when nothing was written.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { isDatum, type PolygonGeometry } from '../../geo/estate/index.ts';
import type { LngLat } from '../../geo/geometry/local-frame.ts';
import { problemLine, type Problem } from '../../geo/problems/index.ts';
import { openConfigured } from '../db/open-configured.ts';
import { parseEnv } from '../env.ts';
import { SHELL_USER } from '../commands/command.ts';
import { importEstate } from '../commands/import-estate.ts';
import { readCanvasserFile } from '../import/read-canvasser-file.ts';
import { buildingsEstate } from '../outlines/buildings-estate.ts';
import { readOutlines } from '../outlines/read-outlines.ts';
import { readRegisterFile } from '../register/read-register-file.ts';
import { closeWorkers } from '../workers/worker-pool.ts';

const USAGE = [
  'usage: npm run import -- estate FILE.geojson [--register FILE.csv|.xlsx] [--canvassers FILE.csv|.xlsx] [--from wgs84|gcj02|bd09] [--reference LNG,LAT]',
  '       npm run import -- buildings FILE.geojson|.zip|.kml|.kmz|.osm|.json [--within BOUNDARY | --bbox W,S,E,N] [--floors-field NAME] [--code-field NAME]',
  '                         [--min-floors 5] [--max-floors 7] [--name NAME] [--metres-per-stairwell 18] [--register …] [--canvassers …] [--from …] [--reference …]',
];

function fail(lines: (string | Problem)[], code = 2): never {
  for (const line of lines) console.error(typeof line === 'string' ? line : problemLine(line));
  process.exit(code);
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    register: { type: 'string' },
    canvassers: { type: 'string' },
    from: { type: 'string', default: 'wgs84' },
    reference: { type: 'string' },
    within: { type: 'string' },
    bbox: { type: 'string' },
    'floors-field': { type: 'string' },
    'code-field': { type: 'string' },
    'min-floors': { type: 'string', default: '5' },
    'max-floors': { type: 'string', default: '7' },
    name: { type: 'string' },
    'metres-per-stairwell': { type: 'string', default: '18' },
  },
});
const [what, file] = positionals;
if ((what !== 'estate' && what !== 'buildings') || !file) fail(USAGE);
if (!isDatum(values.from)) fail([`--from: expected wgs84, gcj02 or bd09, got ${values.from}`]);

/** Numbers given on the command line, checked against their range. */
function numbers(flag: string, text: string, count: number, ok: (n: number[]) => boolean, expected: string): number[] {
  const ns = text.split(',').map(Number);
  if (ns.length !== count || ns.some((n) => !Number.isFinite(n)) || !ok(ns)) fail([`--${flag}: expected ${expected}; got ${text}`]);
  return ns;
}

let reference: LngLat | null = null;
if (values.reference) reference = numbers('reference', values.reference, 2, ([x, y]) => Math.abs(x!) <= 180 && Math.abs(y!) <= 90, 'LNG,LAT in WGS-84, e.g. 121.399,31.227') as LngLat;

/** A file's bytes, or a plain message when it cannot be read. */
function readInput(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    return fail([`${path}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`]);
  }
}

/** The estate's boundary for `buildings`: the first polygon of a file in any outline format, or a box. */
function boundaryOf(): { polygon: PolygonGeometry | null; name: string | null } {
  if (values.within && values.bbox) fail(['--within and --bbox: give one of them']);
  if (values.bbox) {
    const [w, s, e, n] = numbers('bbox', values.bbox, 4, ([w, s, e, n]) => w! < e! && s! < n! && Math.abs(w!) <= 180 && Math.abs(n!) <= 90, 'W,S,E,N in WGS-84 degrees, west < east and south < north');
    return { polygon: { type: 'Polygon', coordinates: [[[w!, s!], [e!, s!], [e!, n!], [w!, n!], [w!, s!]]] }, name: null };
  }
  if (!values.within) return { polygon: null, name: null };
  const read = readOutlines(readInput(values.within), basename(values.within));
  if (!read.ok) fail([`${values.within}:`, ...read.problems]);
  const first = read.outlines[0]!;
  const name = first.properties.name;
  return { polygon: first.polygon, name: typeof name === 'string' && name.trim() ? name.trim() : null };
}

function estateGeoJSON(): unknown {
  if (what === 'estate') {
    try {
      return JSON.parse(readInput(file!).toString('utf8'));
    } catch (e) {
      return fail([`${file}: not valid JSON (${(e as Error).message})`]);
    }
  }
  const boundary = boundaryOf();
  const read = readOutlines(readInput(file!), basename(file!));
  if (!read.ok) fail([`${file}: nothing was imported`, ...read.problems]);
  const int = (flag: 'min-floors' | 'max-floors', min: number, max: number) => numbers(flag, values[flag], 1, ([n]) => Number.isInteger(n) && n! >= min && n! <= max, `a whole number ${min}–${max}`)[0]!;
  const built = buildingsEstate(read, {
    within: boundary.polygon,
    name: values.name ?? boundary.name,
    floorsField: values['floors-field'],
    codeField: values['code-field'],
    minFloors: int('min-floors', 1, 40),
    maxFloors: int('max-floors', 1, 40),
    metresPerStairwell: numbers('metres-per-stairwell', values['metres-per-stairwell'], 1, ([m]) => m! >= 5 && m! <= 60, 'metres from 5 to 60')[0]!,
  });
  if (!built.ok) fail([`${file}: nothing was imported`, ...built.problems]);
  const { floorsField, codeField, minFloors, maxFloors, metresPerStairwell } = built.mapping;
  console.log(`${file}: ${read.outlines.length} outlines read as ${read.crs.en}`);
  console.log(`floors from ${floorsField ?? '(no attribute: 6 assumed)'}, codes from ${codeField ?? '(no attribute: numbered north to south)'}`);
  console.log(`taking ${built.buildings} buildings${floorsField ? ` of ${minFloors}–${maxFloors} floors` : ""} with ${built.stairwells} stairwells (about ${metresPerStairwell} m each)`);
  return built.geojson;
}

const geojson = estateGeoJSON();
let register = null;
if (values.register) {
  const read = await readRegisterFile(readInput(values.register), basename(values.register));
  if (!read.ok) fail([`${values.register}: nothing was imported`, ...read.problems]);
  for (const w of read.warnings) console.log(problemLine(w));
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
  await closeWorkers();
}

import { z } from 'zod';
import { DATUMS } from '../../geo/estate/index.ts';
import type { CanvasserRow, RegisterRow } from '../../geo/register/index.ts';
import { shanghaiIso } from '../../geo/time/index.ts';
import { ImportError } from '../import/import-error.ts';
import { importParsedEstate, parseEstateFile, type EstateFileOutcome } from '../import/import-estate-file.ts';
import { WHO } from '../auth/authorise.ts';
import { defineCommand, type CommandContext } from './command.ts';

export const importEstateInput = z.object({
  /** The parsed GeoJSON (SPEC §7); its depth and every feature are checked by the import. */
  geojson: z.unknown(),
  from: z.enum(DATUMS).default('wgs84'),
  reference: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).nullable().default(null),
  /** Register rows and the 包干 table, already read from their files at the edge (tRPC upload or CLI). */
  register: z.array(z.custom<RegisterRow>()).max(100_000).nullable(),
  canvassers: z.object({ rows: z.array(z.custom<CanvasserRow>()).max(10_000), file: z.string().max(255) }).nullable(),
});

/**
 * Imports an estate file with its register and 包干 table (a new estate, or the
 * estate of the same name in place), all or nothing; every open screen hears
 * that the layout, register and canvassers changed.
 */
const importInTransaction = defineCommand({
  roles: WHO.staff,
  input: importEstateInput,
  // Read and checked in a worker thread, before the transaction takes the write lock.
  prepare: (input) => parseEstateFile(input.geojson, input.from),
  run: async ({ tx, now, record }, input, parsed) => {
    // An ImportError rolls the whole transaction back; the caller turns it into problems.
    const outcome = await importParsedEstate(tx, { ...input, parsed, now });
    const at = shanghaiIso(now);
    await record({ kind: 'layout', estateId: outcome.estateId, at });
    if (input.register) await record({ kind: 'register', estateId: outcome.estateId, at });
    if (input.canvassers) await record({ kind: 'canvassers', estateId: outcome.estateId, at });
    return outcome;
  },
});

export type ImportEstateResult = { ok: true; outcome: EstateFileOutcome } | { ok: false; problems: string[] };

export const importEstate = Object.assign(
  async (ctx: CommandContext, input: z.input<typeof importEstateInput>): Promise<ImportEstateResult> => {
    try {
      return { ok: true, outcome: await importInTransaction(ctx, input) };
    } catch (e) {
      if (e instanceof ImportError) return { ok: false, problems: e.problems };
      throw e;
    }
  },
  { input: importEstateInput, roles: WHO.staff },
);

import { z } from 'zod';
import type { Problem } from '../../geo/problems/index.ts';
import type { RegisterRow } from '../../geo/register/index.ts';
import { shanghaiIso } from '../../geo/time/index.ts';
import { ImportError } from '../import/import-error.ts';
import { requireEstate } from '../queries/stairwell-states.ts';
import { applyRegister, diffRegister } from '../register/apply-register.ts';
import { WHO } from '../auth/authorise.ts';
import { defineCommand, type CommandContext } from './command.ts';

export const importRegisterInput = z.object({
  estateId: z.number().int().positive().max(2 ** 31),
  /** Rows read from the uploaded file at the edge. */
  rows: z.array(z.custom<RegisterRow>()).max(100_000, 'expected at most 100,000 rows'),
  dryRun: z.boolean().default(false),
});

const inTransaction = defineCommand({
  roles: WHO.staff,
  input: importRegisterInput,
  run: async ({ tx, now, record }, input) => {
    await requireEstate(tx, input.estateId);
    if (input.dryRun) return { applied: false, ...(await diffRegister(tx, input.estateId, input.rows)) };
    const diff = await applyRegister(tx, input.estateId, input.rows, now);
    if (diff.changes.length) await record({ kind: 'register', estateId: input.estateId, at: shanghaiIso(now) });
    return { applied: true, ...diff };
  },
});

export type ImportRegisterResult = ({ ok: true } & Awaited<ReturnType<typeof inTransaction>>) | { ok: false; problems: Problem[] };

/** Imports (or with dryRun, compares) a register: all or nothing, every problem by row; rows changed since the file was exported are refused. */
export const importRegister = Object.assign(
  async (ctx: CommandContext, input: z.input<typeof importRegisterInput>): Promise<ImportRegisterResult> => {
    try {
      const result = await inTransaction(ctx, input);
      return result.problems.length ? { ok: false, problems: result.problems } : { ok: true, ...result };
    } catch (e) {
      if (e instanceof ImportError) return { ok: false, problems: e.bilingual };
      throw e;
    }
  },
  { input: importRegisterInput, roles: WHO.staff },
);

import type { z } from 'zod';
import type { SessionUser } from '../auth/sessions.ts';
import { transact, type Db } from '../db/database.ts';
import type { Role } from '../db/schema.ts';
import type { RecordedChange } from '../live/live-change.ts';
import { authorise } from '../auth/authorise.ts';
import { refuse } from '../refusal.ts';

/** What every command runs with: the database, the clock, who asks, and how to wake live screens after commit. */
export interface CommandContext {
  db: Db;
  now: () => Date;
  user: SessionUser | null;
  /** Called after a commit that recorded changes (the live bus reads them). */
  committed?: () => void;
}

/** The shell's user for CLI commands: whoever may run the CLI on the server may administer it. */
export const SHELL_USER: SessionUser = { id: 0, username: 'shell', role: 'admin', canvasserId: null, canvasserName: null, maintainerLicence: null };

export interface CommandScope {
  tx: Db;
  user: SessionUser;
  now: Date;
  /** Records a change in the change log, in this transaction; published after commit. */
  record: (change: RecordedChange) => Promise<void>;
}

/** Bad input as a refusal naming the first field and what was expected. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.join('.') || 'input';
  throw refuse.badInput(`输入有误：${field}：${issue.message}`, `${field}: ${issue.message}`, field);
}

/**
 * A write: authorised for `roles`, its input checked against `input`, then
 * `prepare` (heavy work on the input, such as reading an uploaded file in a
 * worker thread) outside any transaction, then `run` in one transaction
 * that takes the write lock at its start (waiting for it, not failing),
 * with its changes logged in the same transaction and published after
 * commit. A refusal thrown inside rolls everything back.
 */
export function defineCommand<S extends z.ZodType, T, P = undefined>(spec: {
  roles: readonly Role[];
  input: S;
  /**
   * The one estate this write touches, read before the transaction (null
   * when it cannot tell): on PostgreSQL writes of different estates then run
   * side by side. Without it the write excludes all others.
   */
  estate?: (input: z.output<S>, db: Db) => Promise<number | null>;
  prepare?: (input: z.output<S>, who: { user: SessionUser; now: Date }) => Promise<P>;
  run: (scope: CommandScope, input: z.output<S>, prepared: P) => Promise<T>;
}) {
  const command = async (ctx: CommandContext, rawInput: z.input<S>): Promise<T> => {
    const user = authorise(ctx.user, spec.roles);
    const input = parseInput(spec.input, rawInput);
    const now = ctx.now();
    const prepared = (spec.prepare ? await spec.prepare(input, { user, now }) : undefined) as P;
    const estateId = spec.estate && ctx.db.engine.locksPerEstate && !ctx.db.inTransaction ? await spec.estate(input, ctx.db) : null;
    let recorded = 0;
    const result = await transact(
      ctx.db,
      (tx) =>
        spec.run(
          {
            tx,
            user,
            now,
            record: async (change) => {
              if (recorded === 0) await tx.engine.lockChangeLog(tx);
              await tx.insert(tx.t.changeLog).values({ estateId: change.estateId, kind: change.kind, payload: change, at: change.at });
              recorded += 1;
            },
          },
          input,
          prepared,
        ),
      'write',
      estateId === null ? undefined : { estateId },
    );
    if (recorded > 0) ctx.committed?.();
    return result;
  };
  return Object.assign(command, { input: spec.input, roles: spec.roles });
}

import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { authorise } from './auth/authorise.ts';
import { asRefusal, Refusal, REFUSAL_TRPC_CODE } from './refusal.ts';
import type { Context } from './context.ts';
import type { Role } from './db/schema.ts';

const t = initTRPC.context<Context>().create({
  // Stack traces stay in the server; clients get codes and messages.
  isDev: false,
  // Server-sent events ping the wall so it knows the line is alive.
  sse: { ping: { enabled: true, intervalMs: 5_000 }, client: { reconnectAfterInactivityMs: 12_000 } },
  errorFormatter({ shape, error }) {
    const zod = error.cause instanceof ZodError ? error.cause : null;
    const refusal = error.cause instanceof Refusal ? error.cause : null;
    return {
      ...shape,
      message: zod ? `输入有误：${zod.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')}` : shape.message,
      data: {
        ...shape.data,
        // Bad input names the field and what was expected.
        fields: zod
          ? zod.issues.map((i) => ({ field: i.path.join('.'), message: i.message }))
          : refusal?.field
            ? [{ field: refusal.field, message: refusal.en }]
            : null,
        refusal: refusal ? { kind: refusal.kind, zh: refusal.zh, en: refusal.en } : null,
      },
    };
  },
});

/**
 * The one place refusals become tRPC errors: a command's or query's
 * Refusal (or a database constraint the input broke) gets its code and
 * message; anything else stays an unexpected error.
 */
const refusals = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const refusal = asRefusal(result.error.cause);
    if (refusal) throw new TRPCError({ code: REFUSAL_TRPC_CODE[refusal.kind], message: refusal.message, cause: refusal });
  }
  return result;
});

export const router = t.router;
export const publicProcedure = t.procedure.use(refusals);
export const createCallerFactory = t.createCallerFactory;

/** Signed in, with one of `roles` (any role when none are given), checked by the commands' own authorise. */
export function roleProcedure(...roles: Role[]) {
  return publicProcedure.use(({ ctx, next }) => {
    const user = authorise(ctx.user, roles.length > 0 ? roles : ['admin', 'planner', 'canvasser', 'viewer']);
    return next({ ctx: { ...ctx, user } });
  });
}

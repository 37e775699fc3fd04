import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { Context } from './context.ts';
import type { Role } from './db/schema.ts';

const t = initTRPC.context<Context>().create({
  // Stack traces stay in the server; clients get codes and messages.
  isDev: false,
  // Server-sent events ping the wall so it knows the line is alive.
  sse: { ping: { enabled: true, intervalMs: 5_000 }, client: { reconnectAfterInactivityMs: 12_000 } },
  errorFormatter({ shape, error }) {
    const zod = error.cause instanceof ZodError ? error.cause : null;
    return {
      ...shape,
      message: zod ? zod.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ') : shape.message,
      data: {
        ...shape.data,
        // Bad input names the field and what was expected.
        fields: zod ? zod.issues.map((i) => ({ field: i.path.join('.'), message: i.message })) : null,
      },
    };
  },
});

export const router = t.router;
export const publicProcedure = t.procedure;
export const createCallerFactory = t.createCallerFactory;

/** Signed in, with one of `roles` (any role when none are given). */
export function roleProcedure(...roles: Role[]) {
  return t.procedure.use(({ ctx, next }) => {
    if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'please sign in' });
    if (roles.length > 0 && !roles.includes(ctx.user.role))
      throw new TRPCError({ code: 'FORBIDDEN', message: `this needs the role ${roles.join(' or ')}; you are ${ctx.user.role}` });
    return next({ ctx: { ...ctx, user: ctx.user } });
  });
}

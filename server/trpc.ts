import { initTRPC } from '@trpc/server';
import { ZodError } from 'zod';
import type { Context } from './context.ts';

const t = initTRPC.context<Context>().create({
  // Stack traces stay in the server; clients get codes and messages.
  isDev: false,
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

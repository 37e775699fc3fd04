import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { verifyPassword } from '../auth/password.ts';
import { createSession, endSession, sessionCookie } from '../auth/sessions.ts';
import { users } from '../db/schema.ts';
import { publicProcedure, router } from '../trpc.ts';

export const authRouter = router({
  me: publicProcedure.query(({ ctx }) => ctx.user),
  login: publicProcedure
    .input(z.object({ username: z.string().trim().min(1, 'expected a user name').max(40), password: z.string().min(1, 'expected a password').max(200) }))
    .mutation(({ ctx, input }) => {
      const key = `${input.username}@${ctx.clientKey}`;
      const now = ctx.now();
      const wait = ctx.limiter.retryAfterMs(key, now.getTime());
      if (wait > 0) throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: `too many failed sign-ins; try again in ${Math.ceil(wait / 60_000)} min` });
      const user = ctx.db.select().from(users).where(eq(users.username, input.username)).get();
      if (!user || !verifyPassword(input.password, user.passwordHash)) {
        ctx.limiter.fail(key, now.getTime());
        throw new TRPCError({ code: 'UNAUTHORIZED', message: 'wrong user name or password' });
      }
      ctx.limiter.succeed(key);
      const { token, maxAgeS } = createSession(ctx.db, user.id, now);
      ctx.setCookie(sessionCookie(token, maxAgeS, ctx.secure));
      return { username: user.username, role: user.role };
    }),
  logout: publicProcedure.mutation(({ ctx }) => {
    endSession(ctx.db, ctx.token);
    ctx.setCookie(sessionCookie('', 0, ctx.secure));
    return { ok: true };
  }),
});

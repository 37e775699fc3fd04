import { eq } from 'drizzle-orm';
import { first } from '../db/database.ts';
import { z } from 'zod';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { createSession, endSession, sessionCookie } from '../auth/sessions.ts';
import { refuse, Refusal } from '../refusal.ts';
import { publicProcedure, router } from '../trpc.ts';

/** A hash no password matches, checked when the name is unknown so that sign-in takes as long either way. */
let decoy: string | null = null;
const decoyHash = () => (decoy ??= hashPassword(`decoy-${Math.random()}`));

export const authRouter = router({
  me: publicProcedure.query(({ ctx }) => ctx.user),
  login: publicProcedure
    .input(z.object({ username: z.string().trim().min(1, 'expected a user name').max(40), password: z.string().min(1, 'expected a password').max(200) }))
    .mutation(async ({ ctx, input }) => {
      const now = ctx.now();
      const wait = await ctx.limiter.retryAfterMs(input.username, ctx.clientKey, now.getTime());
      if (wait > 0) {
        const [zh, en] = wait < 60_000 ? [`${Math.ceil(wait / 1000)} 秒`, `${Math.ceil(wait / 1000)} s`] : [`${Math.ceil(wait / 60_000)} 分钟`, `${Math.ceil(wait / 60_000)} min`];
        throw refuse.tooMany(`登录失败次数过多，请 ${zh}后再试`, `too many failed sign-ins; try again in ${en}`);
      }
      const user = await first(ctx.db.select().from(ctx.db.t.users).where(eq(ctx.db.t.users.username, input.username)));
      const matches = verifyPassword(input.password, user?.passwordHash ?? decoyHash());
      if (!user || !matches || user.disabledAt) {
        await ctx.limiter.fail(input.username, ctx.clientKey, now.getTime());
        if (user && matches) throw refuse.forbidden('此账号已停用，请联系管理员', 'this account is disabled; ask an admin');
        throw new Refusal('unauthorized', '用户名或密码错误', 'wrong user name or password');
      }
      await ctx.limiter.succeed(input.username);
      const { token, maxAgeS } = await createSession(ctx.db, user.id, now);
      ctx.setCookie(sessionCookie(token, maxAgeS, ctx.secure));
      return { username: user.username, role: user.role };
    }),
  logout: publicProcedure.mutation(async ({ ctx }) => {
    await endSession(ctx.db, ctx.token);
    ctx.setCookie(sessionCookie('', 0, ctx.secure));
    return { ok: true };
  }),
});

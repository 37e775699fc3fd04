import { TRPCError } from '@trpc/server';

/** The refusal a call through createCaller ends in: its tRPC code and the sentence staff read. */
export async function refusal(call: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await call;
  } catch (e) {
    if (e instanceof TRPCError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected a refusal');
}

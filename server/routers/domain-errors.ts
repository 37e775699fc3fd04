import { TRPCError } from '@trpc/server';
import { NotFoundError } from '../queries/not-found.ts';

/** Maps domain refusals to tRPC codes in one place; anything else stays unexpected. */
export function withDomainErrors<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof NotFoundError) throw new TRPCError({ code: 'NOT_FOUND', message: e.message });
    throw e;
  }
}

/**
 * What a command answers when it will not do what was asked: a kind the
 * edges map to a status code (tRPC middleware, HTTP helper), and a sentence
 * for a committee member, Chinese first. Commands and queries throw these,
 * never transport errors.
 */
export const REFUSAL_KINDS = ['bad_input', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'precondition', 'too_many', 'too_large'] as const;
export type RefusalKind = (typeof REFUSAL_KINDS)[number];

export class Refusal extends Error {
  override readonly name = 'Refusal';
  constructor(
    readonly kind: RefusalKind,
    readonly zh: string,
    readonly en: string,
    /** The input field, row or feature it is about, when there is one. */
    readonly field?: string,
  ) {
    super(`${zh}（${en}）`);
  }
}

export const refuse = {
  badInput: (zh: string, en: string, field?: string) => new Refusal('bad_input', zh, en, field),
  unauthorized: () => new Refusal('unauthorized', '请先登录', 'please sign in'),
  forbidden: (zh: string, en: string) => new Refusal('forbidden', zh, en),
  notFound: (zh: string, en: string) => new Refusal('not_found', zh, en),
  conflict: (zh: string, en: string) => new Refusal('conflict', zh, en),
  precondition: (zh: string, en: string) => new Refusal('precondition', zh, en),
  tooMany: (zh: string, en: string) => new Refusal('too_many', zh, en),
};

/** HTTP status per kind, for the HTTP helper; tRPC codes give the same statuses. */
export const REFUSAL_STATUS: Record<RefusalKind, number> = {
  bad_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition: 412,
  too_large: 413,
  too_many: 429,
};

/** tRPC code per kind. */
export const REFUSAL_TRPC_CODE = {
  bad_input: 'BAD_REQUEST',
  unauthorized: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
  precondition: 'PRECONDITION_FAILED',
  too_large: 'PAYLOAD_TOO_LARGE',
  too_many: 'TOO_MANY_REQUESTS',
} as const satisfies Record<RefusalKind, string>;

/**
 * Errors from the database or the runtime that are the input's fault, as
 * refusals: a foreign key to nothing, a unique value already taken.
 */
export function asRefusal(e: unknown): Refusal | null {
  if (e instanceof Refusal) return e;
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY')
    return refuse.badInput('引用的记录不存在（门洞、户或用户编号有误）', 'a referenced record does not exist (check the stairwell, flat or user id)');
  if (code === 'SQLITE_CONSTRAINT_UNIQUE') return refuse.conflict('已有同名或同编号的记录', 'a record with the same name or id already exists');
  return null;
}

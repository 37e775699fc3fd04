import { TRPCClientError } from '@trpc/client';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../geo/problems/index.ts';
import type { AppRouter } from '../wire.ts';
import i18next from 'i18next';

/** A problem in the screen's language: Chinese first, English on the toggle. */
export function useProblemText(): (p: Problem) => string {
  const { i18n } = useTranslation();
  return (p) => (i18n.language === 'en' ? p.en : p.zh);
}

/** What an error from a procedure carries (server/trpc.ts errorFormatter), as the router types it: a code, the fields bad input named, a refusal in both languages. */
type ErrorData = TRPCClientError<AppRouter>['data'];
type WireRefusal = NonNullable<NonNullable<ErrorData>['refusal']>;

/** The typed refusal in an error from a procedure, or null (a network failure, a bug). */
export function refusalOf(error: unknown): WireRefusal | null {
  return error instanceof TRPCClientError ? ((error.data as ErrorData)?.refusal ?? null) : null;
}

/**
 * Why something did not happen, in the screen's language: a command's
 * refusal as the server worded it (never its code or the other language);
 * input the form should not have let through; a server that did not answer
 * or failed. Components re-render on a language switch (useTranslation), so
 * they call it as they render; a queue sending later reads the language then.
 */
export function refusalText(error: unknown, language = i18next.language): string {
  const en = language === 'en';
  const refusal = refusalOf(error);
  if (refusal) return en ? refusal.en : refusal.zh;
  if (error instanceof TRPCClientError) {
    const data = error.data as ErrorData;
    if (data?.fields?.length) return en ? `Invalid input: ${data.fields.map((f) => `${f.field || 'input'}: ${f.message}`).join('; ')}` : i18next.t('refusal.badInput', { lng: language });
    if (!data) return i18next.t('refusal.unreachable', { lng: language });
    return i18next.t('refusal.failed', { lng: language });
  }
  return error instanceof Error && en ? error.message : i18next.t('refusal.failed', { lng: language });
}

import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc.ts';
import { DeadlineList } from '../deadline-list.tsx';

/** What is due on the wall: overdue first, the two most pressing, the rest counted; door numbers and dates only. */
export function WallDeadlines({ estateId }: { estateId: number }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  // Re-read on every change (the live hook invalidates) and every ten minutes, as days roll over.
  const due = useQuery({ ...trpc.stages.deadlines.queryOptions({ estateId }), refetchInterval: 600_000 });
  return (
    <section className="wall-card wall-deadlines" aria-label={t('pipeline.deadlines', { count: due.data?.length ?? 0 })}>
      <DeadlineList deadlines={due.data ?? []} testId="wall-deadlines" limit={2} short />
    </section>
  );
}

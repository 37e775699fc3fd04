import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { pickEstate } from '../estate-choice.ts';
import { useTRPC } from '../trpc.ts';

/**
 * The tab's title names what it shows, then the screen, then the product:
 * "风荷苑 · 作战图大屏 · 加梯作战图", "长风二村 3号 · 征询结果公告 · 加梯作战图".
 * A tab among twenty on the committee's computer, or a page printed with its
 * title, says which estate and which screen it is.
 */
export function useDocumentTitle(screen: string, subject: string | null | undefined): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = [subject, screen, t('title.product')].filter(Boolean).join(' · ');
  }, [screen, subject, t]);
}

/** The title of a screen about the chosen estate: its name from the estates list (public, and read by these screens anyway). */
export function useEstateTitle(screen: string): void {
  const trpc = useTRPC();
  const estates = useQuery(trpc.estate.list.queryOptions());
  const id = pickEstate(estates.data);
  useDocumentTitle(screen, estates.data?.find((e) => e.id === id)?.name);
}

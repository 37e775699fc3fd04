import type { TFunction } from 'i18next';
import type { Stage } from '../../../geo/stages/index.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { offlineCopy } from '../../canvass/offline-copy.ts';
import { useOfflineCopy } from '../../canvass/use-offline-copy.ts';
import { CopyLine } from './copy-line.tsx';
import { useTranslation } from 'react-i18next';
import { chosenEstateId } from '../../estate-choice.ts';
import { useTRPC } from '../../trpc.ts';

/**
 * My stairwells, closest to passing first. A canvasser's phone also fetches
 * the register of each of them while it has signal and keeps a copy, so any
 * of them opens in a stairwell without it.
 */
export function StairwellList({ onOpen, userId, keep }: { onOpen: (id: number) => void; userId: number; keep: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const estateId = chosenEstateId() ?? undefined;
  const fetched = useQuery(trpc.canvass.myStairwells.queryOptions({ estateId }));
  const list = useOfflineCopy(`stairwells:${estateId ?? 'all'}`, fetched, userId, keep);
  const live = fetched.data;
  useEffect(() => {
    if (!keep || !live) return;
    let stop = false;
    void (async () => {
      for (const s of live) {
        if (stop) return;
        const options = trpc.canvass.register.queryOptions({ stairwellId: s.id });
        const register = await queryClient.fetchQuery(options).catch(() => null);
        if (register && !stop) await offlineCopy.save(`register:${s.id}`, userId, register, queryClient.getQueryState(options.queryKey)?.dataUpdatedAt);
      }
    })();
    return () => {
      stop = true;
    };
  }, [keep, live, queryClient, trpc, userId]);
  const [query, setQuery] = useState('');
  // "45", "45号" or "长风二村 45" all find 长风二村 45号; full-width digits too.
  const wanted = query.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/\s+/g, '');
  const shown = (list.data ?? []).filter((s) => !wanted || s.doorNumber.replace(/\s+/g, '').includes(wanted) || s.label === wanted || s.label === `${wanted}号`);
  return (
    <section>
      <h2>{t('canvass.mine')}</h2>
      <CopyLine shown={list} />
      <input type="search" name="doorSearch" className="door-search" inputMode="numeric" placeholder={t('canvass.search')} aria-label={t('canvass.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
      <ul className="stairwell-list" data-testid="my-stairwells">
        {shown.map((s) => (
          <li key={s.id}>
            <button type="button" onClick={() => onOpen(s.id)}>
              <span className="swatch" style={{ background: s.color }} /> <strong>{s.doorNumber}</strong>{' '}
              <span>{stairwellLine(s, t)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Where a stairwell stands, as its canvasser says it: past canvassing its stage (征询通过 …), else how near it is to passing. */
function stairwellLine(s: { stage: Stage; passed: boolean; toPass: number | null }, t: TFunction): string {
  if (s.stage !== 'canvassing') return t(`step.${s.stage}`);
  return s.passed ? t('canvass.passed') : s.toPass === null ? t('canvass.impossible') : t('canvass.toPass', { count: s.toPass });
}

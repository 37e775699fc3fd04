import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chosenEstateId } from '../../estate-choice.ts';
import { useTRPC } from '../../trpc.ts';

/** My stairwells, closest to passing first. */
export function StairwellList({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const list = useQuery(trpc.canvass.myStairwells.queryOptions({ estateId: chosenEstateId() ?? undefined }));
  const [query, setQuery] = useState('');
  // "45", "45号" or "长风二村 45" all find 长风二村 45号; full-width digits too.
  const wanted = query.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/\s+/g, '');
  const shown = (list.data ?? []).filter((s) => !wanted || s.doorNumber.replace(/\s+/g, '').includes(wanted) || s.label === wanted || s.label === `${wanted}号`);
  return (
    <section>
      <h2>{t('canvass.mine')}</h2>
      <input type="search" name="doorSearch" className="door-search" inputMode="numeric" placeholder={t('canvass.search')} aria-label={t('canvass.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
      <ul className="stairwell-list" data-testid="my-stairwells">
        {shown.map((s) => (
          <li key={s.id}>
            <button type="button" onClick={() => onOpen(s.id)}>
              <span className="swatch" style={{ background: s.color }} /> <strong>{s.doorNumber}</strong>{' '}
              <span>{s.passed ? t('canvass.passed') : s.toPass === null ? t('canvass.impossible') : t('canvass.toPass', { count: s.toPass })}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { chosenEstateId } from '../../estate-choice.ts';
import { useTRPC } from '../../trpc.ts';

/** My stairwells, closest to passing first. */
export function StairwellList({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const list = useQuery(trpc.canvass.myStairwells.queryOptions({ estateId: chosenEstateId() ?? undefined }));
  return (
    <section>
      <h2>{t('canvass.mine')}</h2>
      <ul className="stairwell-list" data-testid="my-stairwells">
        {(list.data ?? []).map((s) => (
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

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VOTE_ZH } from '../../../geo/evidence/index.ts';
import { refusalText } from '../../hooks/use-problem-text.ts';
import { useTRPC } from '../../trpc.ts';
import { StairwellSelect } from './stairwell-select.tsx';

/**
 * 纸质原件核验: a stairwell's written votes that have no evidence in the app
 * (signed on paper before it, or by voters who prefer paper), room by room
 * beside the register. Staff hold each original, note where it is kept
 * (box, folder, page), tick that they checked them all, and save: the votes
 * are verified at once.
 */
export function PaperOriginals({ estateId, stairwells }: { estateId: number; stairwells: readonly { id: number; doorNumber: string }[] }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const client = useQueryClient();
  const [id, setId] = useState<number | null>(null);
  const [places, setPlaces] = useState<Record<number, string>>({});
  const [box, setBox] = useState('');
  const [checked, setChecked] = useState(false);
  const register = useQuery({ ...trpc.canvass.register.queryOptions({ stairwellId: id ?? 1 }), enabled: id !== null });
  const save = useMutation(
    trpc.evidence.recordOriginals.mutationOptions({
      onSuccess: async () => {
        setPlaces({});
        setChecked(false);
        await Promise.all([client.invalidateQueries({ queryKey: trpc.canvass.register.queryKey({ stairwellId: id ?? 1 }) }), client.invalidateQueries({ queryKey: trpc.evidence.queue.queryKey({ estateId }) })]);
      },
    }),
  );
  const flats = id !== null ? (register.data?.register ?? []) : [];
  const missing = flats.filter((f) => f.evidence === 'missing');
  const filled = missing.filter((f) => (places[f.id] ?? '').trim().length >= 2);
  const choose = (chosen: number | null) => {
    setId(chosen);
    setPlaces({});
    setChecked(false);
    save.reset();
  };
  const fillDown = () => setPlaces(Object.fromEntries(missing.map((f, i) => [f.id, t('evidence.originals.page', { box: box.trim(), page: i + 1 })])));
  return (
    <details className="paper-originals" data-testid="paper-originals">
      <summary>{t('evidence.originals.title')}</summary>
      <p className="hint">{t('evidence.originals.hint')}</p>
      <label>
        {t('evidence.record.pick')}{' '}
        <StairwellSelect name="originalsStairwell" stairwells={stairwells} value={id} onChange={choose} none />
      </label>
      {id !== null && register.data && missing.length === 0 && <p>{t('evidence.originals.none', { door: stairwells.find((s) => s.id === id)?.doorNumber ?? '' })}</p>}
      {missing.length > 0 && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ stairwellId: id!, rooms: filled.map((f) => ({ flatId: f.id, location: places[f.id]!.trim() })), checked: true });
          }}
        >
          <label>
            {t('evidence.originals.box')} <input name="originalsBox" value={box} maxLength={60} onChange={(e) => setBox(e.target.value)} />
          </label>{' '}
          <button type="button" disabled={box.trim().length < 1} onClick={fillDown}>
            {t('evidence.originals.fillDown')}
          </button>
          <table className="evidence-summary">
            <thead>
              <tr>
                <th>{t('evidence.record.room')}</th>
                <th>{t('evidence.review.vote')}</th>
                <th>{t('evidence.originals.where')}</th>
              </tr>
            </thead>
            <tbody>
              {missing.map((f) => (
                <tr key={f.id} data-room={f.room}>
                  <th scope="row">{f.room}</th>
                  <td>{f.status === 'signed' || f.status === 'opposed' || f.status === 'abstain' ? (i18n.language === 'en' ? f.status : VOTE_ZH[f.status]) : f.status}</td>
                  <td>
                    <input name={`original-${f.room}`} aria-label={t('evidence.originals.whereOf', { room: f.room })} value={places[f.id] ?? ''} maxLength={80} onChange={(e) => setPlaces({ ...places, [f.id]: e.target.value })} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <label>
            <input type="checkbox" checked={checked} onChange={(e) => setChecked(e.target.checked)} /> {t('evidence.originals.checked')}
          </label>{' '}
          <button type="submit" disabled={!checked || filled.length === 0 || save.isPending}>
            {t('evidence.originals.save', { count: filled.length })}
          </button>
        </form>
      )}
      {save.data && <p role="status">{t('evidence.originals.saved', { count: save.data.recorded })}</p>}
      {save.error && <p role="alert">{refusalText(save.error)}</p>}
    </details>
  );
}

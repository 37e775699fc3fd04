import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditorTool } from '../../map/estate-editor.ts';

/** What a drawing still needs before it becomes an edit: a new building's code, floors and stairwells; a split-off stairwell's door number; a row's count and side; a lane's name and widths. */
export type PendingValues =
  | { tool: 'building'; code: string; floors: number; stairwellCount: number }
  | { tool: 'cut'; doorNumber: string }
  | { tool: 'kerb'; count: number | null; side: 'left' | 'right' }
  | { tool: 'lane'; name: string; roadWidthM: number; clearWidthM: number };

export function PendingEditForm({ initial, onApply, onCancel }: { initial: PendingValues; onApply: (v: PendingValues) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState<PendingValues>(initial);
  const set = (patch: Partial<PendingValues>) => setV({ ...v, ...patch } as PendingValues);
  const num = (value: string, min: number, max: number) => {
    const n = Number(value);
    return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : min;
  };
  return (
    <form
      className="pending-edit"
      data-testid="pending-edit"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(v);
      }}
    >
      <h3>{t(`editor.pending.${v.tool satisfies Exclude<EditorTool, 'select'>}`)}</h3>
      {v.tool === 'building' && (
        <>
          <label>
            {t('editor.code')}
            <input name="code" value={v.code} maxLength={40} onChange={(e) => set({ code: e.target.value })} />
          </label>
          <label>
            {t('editor.floors')}
            <input type="number" name="floors" min={1} max={40} value={v.floors} onChange={(e) => set({ floors: num(e.target.value, 1, 40) })} />
          </label>
          <label>
            {t('editor.stairwellCount')}
            <input type="number" name="stairwellCount" min={1} max={20} value={v.stairwellCount} onChange={(e) => set({ stairwellCount: num(e.target.value, 1, 20) })} />
          </label>
        </>
      )}
      {v.tool === 'cut' && (
        <label>
          {t('editor.newDoor')}
          <input name="doorNumber" value={v.doorNumber} maxLength={100} onChange={(e) => set({ doorNumber: e.target.value })} />
        </label>
      )}
      {v.tool === 'kerb' && (
        <>
          <label>
            {t('editor.spaces')}
            <input type="number" name="count" min={1} max={200} placeholder={t('editor.asManyAsFit')} value={v.count ?? ''} onChange={(e) => set({ count: e.target.value === '' ? null : num(e.target.value, 1, 200) })} />
          </label>
          <label>
            {t('editor.side')}
            <select name="side" value={v.side} onChange={(e) => set({ side: e.target.value === 'right' ? 'right' : 'left' })}>
              <option value="left">{t('editor.left')}</option>
              <option value="right">{t('editor.right')}</option>
            </select>
          </label>
        </>
      )}
      {v.tool === 'lane' && (
        <>
          <label>
            {t('editor.laneName')}
            <input name="name" value={v.name} maxLength={60} onChange={(e) => set({ name: e.target.value })} />
          </label>
          <label>
            {t('editor.roadWidth')}
            <input type="number" name="roadWidthM" min={4} max={30} step={0.5} value={v.roadWidthM} onChange={(e) => set({ roadWidthM: num(e.target.value, 4, 30) })} />
          </label>
          <label>
            {t('editor.clearWidth')}
            <input type="number" name="clearWidthM" min={4} max={30} step={0.5} value={v.clearWidthM} onChange={(e) => set({ clearWidthM: num(e.target.value, 4, 30) })} />
          </label>
        </>
      )}
      <div className="buttons">
        <button type="submit" className="primary">
          {t('editor.apply')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('editor.cancel')}
        </button>
      </div>
    </form>
  );
}

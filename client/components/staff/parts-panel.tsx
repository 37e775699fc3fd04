import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolygonGeometry } from '../../../geo/estate/geometry-schemas.ts';
import type { LngLat } from '../../../geo/geometry/index.ts';
import { PartsEditor, type Parts } from '../../map/parts-editor.ts';
import { useTRPC } from '../../trpc.ts';
import type { EstateMap } from '../../wire.ts';
import { refusalText } from '../../hooks/use-problem-text.ts';

/** A stairwell's stored door and elevator site, from the estate's map data. */
function storedParts(data: EstateMap, stairwellId: number): Parts | null {
  const door = data.layers.doors.features.find((f) => f.properties.stairwellId === stairwellId);
  if (!door) return null;
  const site = data.layers.elevatorSites.features.find((f) => f.properties.stairwellId === stairwellId);
  return { door: (door.geometry as GeoJSON.Point).coordinates as LngLat, elevatorSite: (site?.geometry as PolygonGeometry | undefined) ?? null };
}

/**
 * 调整门位与加梯位置: the planner picks a stairwell (on the map or the list),
 * drags its door and elevator site into place and saves; the server checks
 * them and keeps them through later re-imports that give none.
 */
export function PartsPanel({ data }: { data: EstateMap }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useQueryClient();
  const box = useRef<HTMLDivElement>(null);
  const editor = useRef<PartsEditor | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  /** Unsaved placement of the selected stairwell; null shows the stored one. */
  const [edited, setEdited] = useState<Parts | null>(null);
  const save = useMutation(trpc.admin.adjustStairwell.mutationOptions({ onSuccess: (r) => r.ok && client.invalidateQueries() }));
  const stored = useMemo(() => (selected === null ? null : storedParts(data, selected)), [data, selected]);
  const shown = edited ?? stored;
  const dirty = edited !== null && JSON.stringify(edited) !== JSON.stringify(stored);
  const choose = (id: number | null) => {
    setSelected(id);
    setEdited(null);
    save.reset();
  };

  useEffect(() => {
    if (!box.current) return;
    const e = new PartsEditor(box.current, { onSelect: (id) => choose(id), onChange: setEdited });
    editor.current = e;
    return () => {
      e.destroy();
      editor.current = null;
    };
    // The editor lives as long as the panel; its callbacks only set state.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => void editor.current?.setEstate(data), [data]);
  useEffect(() => void editor.current?.edit(selected, shown), [selected, shown, data]);

  const name = data.layers.stairwells.features.find((f) => f.properties.id === selected)?.properties.doorNumber;
  const result = save.data;
  return (
    <section className="staff-card" data-testid="parts-editor">
      <h2>{t('staff.parts.title')}</h2>
      <p className="hint">{t('staff.parts.hint')}</p>
      <label>
        {t('staff.parts.stairwell')}
        <select name="parts-stairwell" value={selected ?? ''} onChange={(e) => choose(e.target.value ? Number(e.target.value) : null)}>
          <option value="">—</option>
          {data.layers.stairwells.features.map((f) => (
            <option key={f.properties.id} value={f.properties.id}>
              {f.properties.doorNumber}
            </option>
          ))}
        </select>
      </label>
      <div ref={box} className="import-preview-map parts-editor-map" data-testid="parts-editor-map" />
      {name && <p>{dirty ? t('staff.parts.unsaved', { door: name }) : t('staff.parts.selected', { door: name })}</p>}
      <button type="button" className="primary" disabled={!dirty || save.isPending || selected === null} onClick={() => selected !== null && edited && save.mutate({ stairwellId: selected, ...edited })}>
        {t('staff.parts.save')}
      </button>
      <button type="button" disabled={!dirty} onClick={() => (setEdited(null), save.reset())}>
        {t('staff.parts.reset')}
      </button>
      {result && (
        <div role={result.ok ? 'status' : 'alert'} data-testid="parts-result">
          {result.ok ? (
            <p>{t('staff.parts.saved', { door: result.doorNumber })}</p>
          ) : (
            <ul className="problems">
              {result.problems.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {save.error && <p role="alert">{refusalText(save.error)}</p>}
    </section>
  );
}

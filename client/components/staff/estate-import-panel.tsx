import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATUMS, type Datum } from '../../../geo/estate/datum.ts';
import { useTRPC } from '../../trpc.ts';
import { base64Of } from '../../files/base64-of.ts';
import { EstateImportResult, EstatePreview } from './estate-import-outcome.tsx';
import { refusalText } from '../../hooks/use-problem-text.ts';

/**
 * 导入小区: an estate GeoJSON (QGIS, CAD conversion, OSM) previewed on a map
 * with what it would change, then imported in one transaction; a file traced
 * from a Chinese web map is converted from GCJ-02 or BD-09.
 */
export function EstateImportPanel({ current }: { current: { id: number; name: string } }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useQueryClient();
  const [geojson, setGeojson] = useState<unknown>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [from, setFrom] = useState<Datum>('wgs84');
  const [register, setRegister] = useState<Upload | null>(null);
  const [canvassers, setCanvassers] = useState<Upload | null>(null);
  const preview = useMutation(trpc.admin.previewEstate.mutationOptions());
  const commit = useMutation(trpc.admin.importEstate.mutationOptions({ onSuccess: () => client.invalidateQueries() }));
  const result = commit.data;
  const p = preview.data;

  const choose = async (file: File | undefined) => {
    preview.reset();
    commit.reset();
    setGeojson(null);
    setReadError(null);
    if (!file) return;
    try {
      setGeojson(JSON.parse(await file.text()));
    } catch (e) {
      setReadError(t('staff.estate.notJson', { file: file.name, message: (e as Error).message }));
    }
  };

  const chooseUpload = (set: (u: Upload | null) => void) => async (file: File | undefined) => {
    preview.reset();
    commit.reset();
    set(file ? { fileName: file.name, base64: await base64Of(file) } : null);
  };
  const input = { geojson, from, reference: null, register, canvassers };

  return (
    <section className="staff-card" data-testid="estate-import">
      <h2>{t('staff.estate.title')}</h2>
      <p className="hint">{t('staff.estate.hint')}</p>
      <p>
        <a href="/import" data-testid="outline-import-link">{t('staff.estate.fromOutlines')}</a>
        {' · '}
        <a href={`/edit?estate=${current.id}`} data-testid="estate-editor-link">{t('staff.estate.editLayout', { name: current.name })}</a>
      </p>
      <p>
        <a href={`/api/estates/${current.id}/estate.geojson`} download={`${current.name}.geojson`} data-testid="estate-export">
          {t('staff.estate.export', { name: current.name })}
        </a>
      </p>
      <label>
        {t('staff.estate.choose')}
        <input type="file" name="estate" accept=".geojson,.json" onChange={(e) => void choose(e.target.files?.[0])} />
      </label>
      <label>
        {t('staff.estate.chooseRegister')}
        <input type="file" name="estate-register" accept=".xlsx,.csv" onChange={(e) => void chooseUpload(setRegister)(e.target.files?.[0])} />
      </label>
      <label>
        {t('staff.estate.chooseCanvassers')}
        <input type="file" name="estate-canvassers" accept=".xlsx,.csv" onChange={(e) => void chooseUpload(setCanvassers)(e.target.files?.[0])} />
      </label>
      <label>
        {t('staff.estate.datum')}
        <select
          name="datum"
          value={from}
          onChange={(e) => {
            setFrom(e.target.value as Datum);
            preview.reset();
          }}
        >
          {DATUMS.map((d) => (
            <option key={d} value={d}>
              {t(`staff.estate.datums.${d}`)}
            </option>
          ))}
        </select>
      </label>
      {readError && <p role="alert">{readError}</p>}
      <button type="button" disabled={geojson === null || preview.isPending} onClick={() => preview.mutate(input)}>
        {t('staff.estate.preview')}
      </button>
      {p?.ok && !result?.ok && (
        <button type="button" className="primary" disabled={commit.isPending} onClick={() => commit.mutate(input)}>
          {t('staff.estate.import')}
        </button>
      )}
      {(preview.error ?? commit.error) && <p role="alert">{refusalText(preview.error ?? commit.error)}</p>}
      {p && <EstatePreview preview={p} />}
      {result && <EstateImportResult result={result} />}
    </section>
  );
}

interface Upload {
  fileName: string;
  base64: string;
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Datum } from '../../../geo/estate/datum.ts';
import { EstateImportResult, EstatePreview } from '../staff/estate-import-outcome.tsx';
import { useTRPC } from '../../trpc.ts';
import { refusalText } from '../../hooks/use-problem-text.ts';

/**
 * The estate as the import would store it (the server's dry run: doors,
 * elevator sites, what changes if an estate of that name exists), then the
 * import itself, with links to its battle map and its drawing.
 */
export function OutlineImportResult({ geojson, from }: { geojson: GeoJSON.FeatureCollection; from: Datum }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useQueryClient();
  const preview = useMutation(trpc.admin.previewEstate.mutationOptions());
  const commit = useMutation(trpc.admin.importEstate.mutationOptions({ onSuccess: () => client.invalidateQueries() }));
  const input = { geojson, from };
  const { reset: resetPreview } = preview;
  const { reset: resetCommit } = commit;
  // Any change to the choice makes the last preview and result stale.
  useEffect(() => {
    resetPreview();
    resetCommit();
  }, [geojson, from, resetPreview, resetCommit]);
  const p = preview.data;
  const result = commit.data;
  return (
    <div className="outline-result">
      <div className="buttons">
        <button type="button" disabled={preview.isPending} onClick={() => preview.mutate(input)}>
          {t('staff.estate.preview')}
        </button>
        {p?.ok && !result?.ok && (
          <button type="button" className="primary" disabled={commit.isPending} onClick={() => commit.mutate(input)}>
            {t('staff.estate.import')}
          </button>
        )}
      </div>
      {(preview.error ?? commit.error) && <p role="alert">{refusalText(preview.error ?? commit.error)}</p>}
      {p && <EstatePreview preview={p} />}
      {result && <EstateImportResult result={result} withEditor />}
    </div>
  );
}

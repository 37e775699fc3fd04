const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../geo/problems/index.ts';
import { useProblemText } from '../../hooks/use-problem-text.ts';

interface Preview {
  ok: boolean;
  applied?: boolean;
  encoding: string;
  problems?: Problem[];
  warnings?: Problem[];
  changes?: { sheet: string; row: number; doorNumber: string; room: string; kind: 'add' | 'update'; fields: string[]; statusFrom: string | null; statusTo: string }[];
  unchanged?: number;
  notInFile?: number;
}

async function send(estateId: number, file: File, dryRun: boolean): Promise<Preview> {
  const res = await fetch(`/api/estates/${estateId}/register${dryRun ? '?dryRun=1' : ''}`, {
    method: 'POST',
    // The type from the name, not the browser's guess (Windows calls a CSV application/vnd.ms-excel); the server accepts only these.
    headers: { 'x-file-name': encodeURIComponent(file.name), 'content-type': /\.xlsx$/i.test(file.name) ? XLSX_TYPE : 'text/csv' },
    body: file,
  });
  return (await res.json()) as Preview;
}

/** Import with a dry run first, and export, of the flat register. */
export function RegisterPanel({ estateId }: { estateId: number }) {
  const { t, i18n } = useTranslation();
  const text = useProblemText();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const base = `/api/estates/${estateId}/register`;
  return (
    <section className="staff-card">
      <h2>{t('staff.register')}</h2>
      <p>
        {t('staff.export')}
        <a href={`${base}.xlsx?lang=${lang}`} download>{t('staff.exportXlsx')}</a> · <a href={`${base}.csv?lang=${lang}`} download>{t('staff.exportCsv')}</a> ·{' '}
        <a href={`${base}.csv?encoding=gbk&lang=${lang}`} download>{t('staff.exportGbk')}</a>
      </p>
      <label>
        {t('staff.choose')}
        <input
          type="file"
          name="register"
          accept=".xlsx,.csv"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setPreview(null);
          }}
        />
      </label>
      <button type="button" disabled={!file} onClick={() => file && void send(estateId, file, true).then(setPreview)}>
        {t('staff.dryRun')}
      </button>
      {preview?.ok && !preview.applied && (
        <button type="button" className="primary" onClick={() => file && void send(estateId, file, false).then(setPreview)}>
          {t('staff.apply')}
        </button>
      )}
      {preview && (
        <div data-testid="register-preview">
          {preview.ok ? (
            <>
              <p>
                {preview.applied ? `${t('staff.applied')} · ` : ''}
                {t('staff.preview', {
                  added: preview.changes?.filter((c) => c.kind === 'add').length ?? 0,
                  updated: preview.changes?.filter((c) => c.kind === 'update').length ?? 0,
                  unchanged: preview.unchanged ?? 0,
                  notInFile: preview.notInFile ?? 0,
                  encoding: preview.encoding,
                })}
              </p>
              {preview.warnings && preview.warnings.length > 0 && (
                <ul className="warnings" data-testid="register-warnings">
                  {preview.warnings.map((w, i) => (
                    <li key={i}>{text(w)}</li>
                  ))}
                </ul>
              )}
              <ul>
                {preview.changes?.slice(0, 200).map((c) => (
                  <li key={`${c.sheet}-${c.row}`}>
                    {c.doorNumber} {c.room}: {c.fields.join(', ')}
                    {c.statusFrom !== c.statusTo ? ` (${c.statusFrom ?? '—'} → ${c.statusTo})` : ''}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <>
              <p role="alert">{t('staff.problems', { count: preview.problems?.length ?? 0 })}</p>
              <ul className="problems">
                {preview.problems?.slice(0, 200).map((p, i) => (
                  <li key={i}>{text(p)}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}

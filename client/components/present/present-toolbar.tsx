import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Paper } from '../../present/export-slides.ts';

interface Props {
  index: number;
  count: number;
  busy: boolean;
  status: string;
  onGo: (index: number) => void;
  onFullscreen: () => void;
  onPng: (scale: 1 | 2) => void;
  onPdf: (paper: Paper) => void;
  /** Every slide into the browser's print dialog: paper, or a PDF whose text can be searched. */
  onPrint: () => void;
  picker?: ReactNode;
}

/** Outside the slide (never exported): page turning, full screen and the exports. */
export function PresentToolbar({ index, count, busy, status, onGo, onFullscreen, onPng, onPdf, onPrint, picker }: Props) {
  const { t } = useTranslation();
  return (
    <nav className="present-toolbar" aria-label={t('present.keys')}>
      <button type="button" onClick={() => onGo(index - 1)} disabled={index === 0}>
        ← {t('present.back')}
      </button>
      <span className="pager" data-testid="present-pager">
        {t('present.slideOf', { n: index + 1, count })}
      </span>
      <button type="button" onClick={() => onGo(index + 1)} disabled={index === count - 1}>
        {t('present.forward')} →
      </button>
      <button type="button" onClick={onFullscreen}>
        {t('present.fullscreen')}
      </button>
      {picker}
      <span className="spacer" />
      <span className="status" role="status" data-testid="export-status">
        {status}
      </span>
      <button type="button" disabled={busy} onClick={() => onPng(1)} data-testid="export-png">
        {t('present.png')}
      </button>
      <button type="button" disabled={busy} onClick={() => onPng(2)} data-testid="export-png-4k">
        {t('present.png4k')}
      </button>
      <button type="button" disabled={busy} onClick={onPrint} data-testid="print-deck-button" title={t('present.printHint')}>
        {t('present.print')}
      </button>
      <button type="button" disabled={busy} onClick={() => onPdf('A4')} data-testid="export-pdf-a4">
        {t('present.pdf', { paper: 'A4' })}
      </button>
      <button type="button" disabled={busy} onClick={() => onPdf('A3')} data-testid="export-pdf-a3">
        {t('present.pdf', { paper: 'A3' })}
      </button>
    </nav>
  );
}

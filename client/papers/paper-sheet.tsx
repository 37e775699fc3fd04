import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QrCode } from './qr-code.tsx';

/** The public page a posted paper's QR code opens. */
export const publicUrl = (origin: string, stairwellId: number) => `${origin}/stairwell/${stairwellId}`;

/** One A4 sheet: the estate and door at the top, the body, the committee and the public QR code at the foot. */
export function PaperSheet({ estate, door, title, origin, stairwellId, postedOn, children, extraQr }: { estate: string; door: string; title: string; origin: string; stairwellId: number; postedOn?: string; children: ReactNode; extraQr?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <article className="paper-sheet">
      <header>
        <p className="paper-estate">{t('paper.estateDoor', { estate, door })}</p>
        <h1>{title}</h1>
      </header>
      <div className="paper-body">{children}</div>
      <footer>
        <div className="paper-sign">
          <p>{t('paper.committee', { estate })}</p>
          {postedOn && <p>{t('paper.postedOn', { on: postedOn })}</p>}
        </div>
        <div className="paper-codes">
          {extraQr}
          <QrCode url={publicUrl(origin, stairwellId)} label={t('paper.scanPublic')} />
        </div>
      </footer>
    </article>
  );
}

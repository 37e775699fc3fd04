import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import SignaturePad from 'signature_pad';
import { checkSignature } from '../../../geo/evidence/index.ts';
import type { Problem } from '../../../geo/problems/index.ts';

export interface DrawnSignature {
  /** The PNG as base64, or null when the pad is empty. */
  base64: string | null;
  /** Why the server would refuse it (empty, a dot), checked on the phone with the server's own rule. */
  problem: Problem | null;
}

/** At most 2 device pixels per CSS pixel: sharp enough to read, small enough to queue. */
const MAX_RATIO = 2;

/** A box the voter signs in with a finger (signature_pad), under the consent text. */
export function SignatureBox({ onChange }: { onChange: (s: DrawnSignature) => void }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);
  const report = useRef(onChange);
  useEffect(() => {
    report.current = onChange;
  }, [onChange]);

  useEffect(() => {
    const el = canvas.current!;
    const ratio = Math.min(MAX_RATIO, Math.max(1, window.devicePixelRatio || 1));
    el.width = Math.round(el.offsetWidth * ratio);
    el.height = Math.round(el.offsetHeight * ratio);
    el.getContext('2d')!.scale(ratio, ratio);
    const p = new SignaturePad(el, { minWidth: 1.2, maxWidth: 3, penColor: '#102040' });
    pad.current = p;
    const ended = () => {
      const ctx = el.getContext('2d')!;
      const image = ctx.getImageData(0, 0, el.width, el.height);
      report.current({ base64: p.toDataURL('image/png').replace(/^data:[^,]*,/, ''), problem: checkSignature(image) });
    };
    p.addEventListener('endStroke', ended);
    return () => {
      p.removeEventListener('endStroke', ended);
      p.off();
    };
  }, []);

  return (
    <div className="signature-box">
      <canvas ref={canvas} data-testid="signature-pad" aria-label={t('evidence.signHere')} />
      <span className="signature-hint" aria-hidden="true">
        {t('evidence.signHere')}
      </span>
      <button
        type="button"
        onClick={() => {
          pad.current?.clear();
          onChange({ base64: null, problem: null });
        }}
      >
        {t('evidence.clear')}
      </button>
    </div>
  );
}

import { create } from 'qrcode';
import { useMemo } from 'react';

/**
 * A QR code drawn as one SVG path, so it prints sharp at any size and needs no
 * canvas or image. Medium error correction survives a smudged corner of a
 * paper taped in a stairwell.
 */
export function QrCode({ url, size = '32mm', label }: { url: string; size?: string; label: string }) {
  const { path, n } = useMemo(() => {
    const m = create(url, { errorCorrectionLevel: 'M' }).modules;
    let d = '';
    for (let r = 0; r < m.size; r++) for (let c = 0; c < m.size; c++) if (m.data[r * m.size + c]) d += `M${c + 4} ${r + 4}h1v1h-1z`;
    return { path: d, n: m.size + 8 };
  }, [url]);
  return (
    <figure className="qr" data-url={url}>
      <svg viewBox={`0 0 ${n} ${n}`} width={size} height={size} role="img" aria-label={label} shapeRendering="crispEdges">
        <rect width={n} height={n} fill="#ffffff" />
        <path d={path} fill="#000000" />
      </svg>
      <figcaption>
        {label}
        <br />
        <span className="qr-url">{url}</span>
      </figcaption>
    </figure>
  );
}

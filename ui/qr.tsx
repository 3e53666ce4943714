/**
 * A QR code as inline SVG, drawn at once with the encoder in `core/qr-encode.ts`
 * (the `qrcode` package would add about 10 KB of gzip JavaScript to the kiosk).
 */
import { useMemo } from 'preact/hooks';
import { encodeQr, qrPath } from '../core/qr-encode.ts';

export interface QrCodeProps {
  /** What the code holds (a full URL). */
  value: string;
  /** Accessible name, e.g. "QR-Code für Ihr Handy". */
  label: string;
  /** Edge length in CSS units; default `16rem`. */
  size?: string;
  class?: string;
  testid?: string;
}

/** Quiet zone around the symbol, in modules. */
const MARGIN = 2;

export function QrCode({ value, label, size = '16rem', class: className, testid }: QrCodeProps) {
  const drawing = useMemo(() => {
    try {
      const qr = encodeQr(value);
      return { side: qr.size + 2 * MARGIN, d: qrPath(qr, MARGIN) };
    } catch {
      return null;
    }
  }, [value]);
  return (
    <div
      class={className ? `qr ${className}` : 'qr'}
      role="img"
      aria-label={label}
      data-testid={testid}
      data-value={value}
      style={{ width: size, height: size }}
    >
      {drawing && (
        <svg
          viewBox={`0 0 ${drawing.side} ${drawing.side}`}
          shape-rendering="crispEdges"
          aria-hidden="true"
          focusable="false"
        >
          <rect width={drawing.side} height={drawing.side} fill="#fff" />
          <path d={drawing.d} fill="#000" />
        </svg>
      )}
    </div>
  );
}

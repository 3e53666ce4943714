/** A QR code as inline SVG, rendered in the browser with the `qrcode` package. */
import { useEffect, useState } from 'preact/hooks';
import QRCode from 'qrcode';

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

/** SVG markup of a QR code (dark on white, quiet zone of two modules). */
export function qrSvg(value: string): Promise<string> {
  return QRCode.toString(value, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
    color: { dark: '#000000', light: '#ffffff' },
  });
}

export function QrCode({ value, label, size = '16rem', class: className, testid }: QrCodeProps) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setSvg(null);
    qrSvg(value).then(
      (markup) => {
        if (live) setSvg(markup);
      },
      () => {
        if (live) setSvg(null);
      },
    );
    return () => {
      live = false;
    };
  }, [value]);
  return (
    <div
      class={className ? `qr ${className}` : 'qr'}
      role="img"
      aria-label={label}
      data-testid={testid}
      data-value={value}
      style={{ width: size, height: size }}
      // The markup comes from the qrcode library (paths only, no user text).
      dangerouslySetInnerHTML={svg ? { __html: svg } : undefined}
    />
  );
}

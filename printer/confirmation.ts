/**
 * The appointment confirmation on the thermal printer: office, date and time, place, the code
 * large (grouped for reading), concern, documents, contact and how to cancel, and a QR code of
 * the confirmation page. Pure: the same confirmation and options give the same bytes.
 *
 * Texts come from `core/confirmation.ts` in the visitor's language; a confirmation in a script
 * the printer has no code page for (Arabic) is printed in German, with the page (QR code) in
 * the visitor's language.
 */
import type { Confirmation } from '../core/confirmation.ts';
import { align, cut, feedLines, initialize, qrCode } from './escpos.ts';
import { BASE_CODE_PAGE, TicketWriter } from './layout.ts';
import { fitQrModuleSize, qrRaster } from './raster.ts';
import type { PrintLayoutOptions } from './types.ts';
import { labelValue, wrapText } from './wrap.ts';
import { toPrintable } from './codepages.ts';

export interface PrintableConfirmation {
  confirmation: Confirmation;
  /** Full URL of the confirmation page; printed as a QR code. */
  pageUrl: string;
}

export function renderConfirmation(input: PrintableConfirmation, opts: PrintLayoutOptions): Uint8Array {
  const c = input.confirmation;
  const t = c.texts;
  const w = new TicketWriter(opts);
  w.out.raw(initialize()).codePage(BASE_CODE_PAGE);
  w.text(c.officeName, { align: 'center', bold: true });
  w.separator();
  w.text(t.title, { align: 'center', bold: true, width: 2, height: 2 });
  if (c.cancelled) w.text(t.cancelled, { align: 'center', bold: true });
  const pair = (label: string, value: string) =>
    w.lines(labelValue(`${toPrintable(label)}:`, toPrintable(value), w.columns));
  pair(t.date, c.date);
  pair(t.time, c.time);
  pair(t.place, c.place);
  pair(t.concern, c.concernName);
  w.separator();
  w.text(t.code, { align: 'center' });
  const scale = c.code.length * 2 <= w.columns ? 2 : 1;
  w.text(c.code, { align: 'center', bold: true, width: scale, height: scale });
  w.text(t.codeHint, { align: 'center' });
  if (c.documents.length) {
    w.separator();
    w.text(`${t.documents}:`, { bold: true });
    for (const doc of c.documents) {
      const [first = '', ...rest] = wrapText(toPrintable(doc), w.columns - 2);
      w.lines([`- ${first}`, ...rest.map((l) => `  ${l}`)]);
    }
  }
  w.separator();
  w.text(`${t.contact}:`, { bold: true });
  for (const x of c.contact) pair(x.label, x.value);
  w.text(t.cancel);
  w.separator();
  const moduleSize = fitQrModuleSize(input.pageUrl, opts.qrModuleSize ?? (opts.paperWidthMm === 58 ? 5 : 6), w.dots);
  if (opts.nativeQr)
    w.out
      .raw(align('center'))
      .line()
      .raw(qrCode(input.pageUrl, moduleSize, 'M'))
      .line();
  else w.image(qrRaster(input.pageUrl, moduleSize));
  w.out
    .raw(align('left'))
    .raw(feedLines(1))
    .raw(cut({ partial: true, feed: 0 }));
  return w.out.bytes();
}

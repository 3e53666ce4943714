/**
 * The ticket layout: `renderTicket` turns a `PrintableTicket` into the ESC/POS bytes of one
 * ticket. Pure: the same ticket and options give the same bytes.
 *
 * Text is word-wrapped to 32 (58 mm) or 48 (80 mm) columns and encoded in PC858 / PC866 /
 * PC857 as each character needs. Arabic (no code page) follows `nonLatin`: `german` prints
 * the ticket in German; `raster` prints the fixed labels as pre-rendered images and dynamic
 * Arabic texts through `rasterizeText` when given, else their German `fallback`.
 */
import { arabicLabel } from './arabic-labels.ts';
import { rasterizeArabic } from './arabic-text.ts';
import { isPrintable, toPrintable } from './codepages.ts';
import {
  type Alignment,
  align,
  bold,
  characterSize,
  cut,
  EscPosWriter,
  feedLines,
  initialize,
  qrCode,
  rasterImage,
} from './escpos.ts';
import { formatIssued, formatMinutes, type LabelKey, MESSAGES, type TicketMessages } from './messages.ts';
import { centerOn, createRaster, blit, fitQrModuleSize, qrRaster } from './raster.ts';
import {
  type PrintableConcern,
  type PrintableTicket,
  type PrintLayoutOptions,
  paperColumns,
  paperDots,
  type RasterImage,
  type TicketLanguage,
} from './types.ts';
import { labelValue, wrapText } from './wrap.ts';

/** Code page selected at the start of every ticket: PC858 (German text and €). */
export const BASE_CODE_PAGE = 19;
/** Raster images are sent in bands of at most this many rows (some printers reject taller ones). */
export const RASTER_BAND_ROWS = 1024;

export interface TextStyle {
  align?: Alignment;
  bold?: boolean;
  width?: number;
  height?: number;
}

export class TicketWriter {
  readonly out = new EscPosWriter();
  readonly columns: number;
  readonly dots: number;

  constructor(readonly opts: PrintLayoutOptions) {
    this.columns = paperColumns(opts.paperWidthMm);
    this.dots = paperDots(opts.paperWidthMm);
  }

  /** Wrapped text; the style is set before and reset after. */
  text(text: string, style: TextStyle = {}): void {
    const width = style.width ?? 1;
    const height = style.height ?? 1;
    this.out.raw(align(style.align ?? 'left'));
    if (style.bold) this.out.raw(bold(true));
    if (width !== 1 || height !== 1) this.out.raw(characterSize(width, height));
    for (const line of wrapText(toPrintable(text), Math.floor(this.columns / width))) this.out.line(line);
    if (width !== 1 || height !== 1) this.out.raw(characterSize(1, 1));
    if (style.bold) this.out.raw(bold(false));
  }

  /** Pre-formatted lines (already fitting the width). */
  lines(lines: readonly string[]): void {
    this.out.raw(align('left'));
    for (const line of lines) this.out.line(line);
  }

  separator(): void {
    this.out.raw(align('left')).line('─'.repeat(this.columns));
  }

  /** A raster image placed within the paper width; the printer's justification is not relied on. */
  image(image: RasterImage, where: Alignment = 'center'): void {
    let placed = image;
    if (image.width < this.dots) {
      placed = createRaster(this.dots, image.height);
      const x =
        where === 'left' ? 0 : where === 'right' ? this.dots - image.width : Math.floor((this.dots - image.width) / 2);
      blit(placed, image, x, 0);
    }
    this.out.raw(align('left'));
    const bytesPerRow = Math.ceil(placed.width / 8);
    for (let top = 0; top < placed.height; top += RASTER_BAND_ROWS) {
      const rows = Math.min(RASTER_BAND_ROWS, placed.height - top);
      const data = placed.data.subarray(top * bytesPerRow, (top + rows) * bytesPerRow);
      this.out.raw(rasterImage({ width: placed.width, height: rows, data }));
    }
  }
}

/** How the ticket's language is printed. */
interface Labels {
  language: TicketLanguage;
  messages: TicketMessages;
  /** Arabic labels as images (only with `nonLatin: 'raster'`). */
  images: boolean;
}

function chooseLabels(ticket: PrintableTicket, opts: PrintLayoutOptions): Labels {
  const language = ticket.language === 'ar' && opts.nonLatin === 'german' ? 'de' : ticket.language;
  return { language, messages: MESSAGES[language], images: language === 'ar' };
}

function label(w: TicketWriter, labels: Labels, key: LabelKey, where: Alignment): void {
  if (labels.images) w.image(arabicLabel(key, w.dots), where);
  else w.text(labels.messages[key], { align: where });
}

/** A label and its value: one line when they fit (or label image and value below for Arabic). */
function labelled(w: TicketWriter, labels: Labels, key: LabelKey, value: string): void {
  if (labels.images) {
    w.image(arabicLabel(key, w.dots), 'right');
    w.text(value, { align: 'right' });
    return;
  }
  w.lines(labelValue(`${toPrintable(labels.messages[key])}:`, toPrintable(value), w.columns));
}

/**
 * Dynamic text in the ticket's language (concern, documents). When the printer cannot show it:
 * raster through `rasterizeText` (right-aligned unless centred, as such scripts run right to
 * left), else the German fallback, else `?` for what cannot be shown.
 */
function dynamicText(w: TicketWriter, text: string, fallback: string | undefined, style: TextStyle): void {
  const rasterizeText = w.opts.rasterizeText ?? rasterizeArabic;
  if (!isPrintable(text) && w.opts.nonLatin === 'raster') {
    w.image(rasterizeText(text, w.dots), style.align === 'center' ? 'center' : 'right');
  } else {
    w.text(isPrintable(text) ? text : (fallback ?? text), style);
  }
}

/** The documents as a list; when some cannot be shown and nothing can draw them, the German list. */
function documentList(w: TicketWriter, list: readonly string[], fallback: readonly string[] | undefined): void {
  const canDraw = w.opts.nonLatin === 'raster';
  const allPrintable = list.every((d) => isPrintable(d));
  const documents = !allPrintable && !canDraw && fallback ? fallback : list;
  for (const doc of documents) {
    if (!isPrintable(doc) && canDraw) {
      dynamicText(w, doc, undefined, { align: 'right' });
      continue;
    }
    const [first = '', ...rest] = wrapText(toPrintable(doc), w.columns - 2);
    w.lines([`- ${first}`, ...rest.map((l) => `  ${l}`)]);
  }
}

/**
 * Most documents printed per concern of a visit with several: the ticket stays short; the rest
 * are named on the phone page.
 */
export const MAX_DOCUMENTS_PER_CONCERN = 3;

/** The concerns of a visit, numbered, under the number; and how they are served. */
function visitConcerns(w: TicketWriter, labels: Labels, parts: readonly PrintableConcern[]): void {
  parts.forEach((part, i) => {
    const fallback = part.fallback ? `${i + 1}. ${part.fallback.name}` : undefined;
    dynamicText(w, `${i + 1}. ${part.name}`, fallback, { align: 'center', bold: true });
  });
  dynamicText(w, labels.messages.visitOrder, MESSAGES.de.visitOrder, { align: 'center' });
}

/** Each concern's documents under its name, at most `MAX_DOCUMENTS_PER_CONCERN` of each. */
function visitDocuments(w: TicketWriter, labels: Labels, parts: readonly PrintableConcern[]): void {
  const where: Alignment = labels.images ? 'right' : 'left';
  for (const part of parts) {
    if (part.documents.length === 0) continue;
    dynamicText(w, part.name, part.fallback?.name, { align: where, bold: true });
    const shown = part.documents.slice(0, MAX_DOCUMENTS_PER_CONCERN);
    documentList(w, shown, part.fallback?.documents.slice(0, MAX_DOCUMENTS_PER_CONCERN));
    const more = part.documents.length - shown.length;
    if (more > 0) {
      const text = formatMinutes(labels.messages.moreDocuments, more);
      dynamicText(w, text, formatMinutes(MESSAGES.de.moreDocuments, more), { align: where });
    }
  }
}

/** A count for print: rounded, never negative, 0 for NaN. */
function wholeNumber(n: number): number {
  return Number.isFinite(n) ? Math.max(0, Math.round(n)) : 0;
}

/** Largest magnification (4, 3, 2) at which the number fits on one line. */
function numberScale(number: string, columns: number): number {
  const length = [...number].length;
  for (const scale of [4, 3, 2]) if (length * scale <= columns) return scale;
  return 1;
}

export function renderTicket(ticket: PrintableTicket, opts: PrintLayoutOptions): Uint8Array {
  const w = new TicketWriter(opts);
  const labels = chooseLabels(ticket, opts);
  const issued = formatIssued(ticket.issuedAt, ticket.timezone, labels.language);

  w.out.raw(initialize()).codePage(BASE_CODE_PAGE);

  if (opts.logo) {
    if (opts.logo.width > w.dots) throw new RangeError(`logo is ${opts.logo.width} dots wide, the paper ${w.dots}`);
    w.image(centerOn(opts.logo, w.dots));
  }
  if (ticket.header) w.text(ticket.header, { align: 'center' });
  w.text(ticket.officeName, { align: 'center', bold: true });
  w.separator();

  label(w, labels, 'yourNumber', 'center');
  const scale = numberScale(toPrintable(ticket.number), w.columns);
  w.text(ticket.number, { align: 'center', bold: true, width: scale, height: scale });
  const parts = ticket.concerns && ticket.concerns.length > 1 ? ticket.concerns : undefined;
  if (parts) visitConcerns(w, labels, parts);
  else dynamicText(w, ticket.concernName, ticket.fallback?.concernName, { align: 'center', bold: true });
  if (ticket.appointmentAt !== undefined) {
    const at = formatIssued(ticket.appointmentAt, ticket.timezone, labels.language);
    dynamicText(w, `${labels.messages.appointment} ${at}`, `${MESSAGES.de.appointment} ${at}`, {
      align: 'center',
      bold: true,
    });
  }
  w.separator();

  labelled(w, labels, 'issued', issued);
  const ahead = wholeNumber(ticket.waitingAhead);
  if (ahead === 0) {
    label(w, labels, 'next', labels.images ? 'right' : 'left');
  } else {
    labelled(w, labels, 'ahead', String(ahead));
    labelled(
      w,
      labels,
      'estimatedWait',
      formatMinutes(labels.messages.minutes, wholeNumber(ticket.estimatedWaitMinutes)),
    );
  }

  if (parts) {
    if (parts.some((p) => p.documents.length > 0)) {
      w.separator();
      label(w, labels, 'documents', labels.images ? 'right' : 'left');
      visitDocuments(w, labels, parts);
    }
  } else if (ticket.documents.length > 0) {
    w.separator();
    label(w, labels, 'documents', labels.images ? 'right' : 'left');
    documentList(w, ticket.documents, ticket.fallback?.documents);
  }

  w.separator();
  label(w, labels, 'qr', 'center');
  const moduleSize = fitQrModuleSize(ticket.phoneUrl, opts.qrModuleSize ?? (opts.paperWidthMm === 58 ? 6 : 8), w.dots);
  if (opts.nativeQr) {
    // The printer adds no quiet zone: a blank line above and below keeps the QR code readable.
    w.out
      .raw(align('center'))
      .line()
      .raw(qrCode(ticket.phoneUrl, moduleSize, 'M'))
      .line();
  } else {
    w.image(qrRaster(ticket.phoneUrl, moduleSize));
  }

  if (ticket.footer) w.text(ticket.footer, { align: 'center' });
  if (ticket.officePhone) {
    const phone = toPrintable(ticket.officePhone);
    // The number stays in its own line, left to right, whatever the script of the label.
    dynamicText(w, labels.messages.phone, MESSAGES.de.phone, { align: 'center' });
    w.text(phone, { align: 'center', bold: true });
  }
  w.out
    .raw(align('left'))
    .raw(feedLines(1))
    .raw(cut({ partial: true, feed: 0 }));
  return w.out.bytes();
}

/**
 * Which printer serves which kiosk or counter: `default` is LOTSE_PRINTER; a kiosk (or a
 * counter giving out tickets) naming its own printer gets it, kiosks naming the same printer
 * share one, `printer: "agent"` is the kiosk's print agent. Printers of the previous set are kept
 * (with their connection and counters) when their setting did not change.
 */
import type { KioskConfig, OfficeConfig } from '../../core/types.ts';
import { type PrinterConfig, parsePrinterUrl } from '../../printer/index.ts';
import { logger } from '../logger.ts';
import { blankPrinter, type Printer } from './printer-model.ts';

const log = logger('printing');

export const DEFAULT_PRINTER_ID = 'default';
/** How a counter's own printer is known among the kiosks' (never a valid kiosk id: it has a colon). */
export const deskPrinterId = (counterId: string) => `counter:${counterId}`;

type MakePrinter = (key: string, id: string, name: string, config: PrinterConfig) => Printer;
type Take = (key: string, make: () => Printer) => Printer;

export interface PrinterSet {
  /** By key: `url:<setting>` or `agent:<kioskId>`. */
  printers: Map<string, Printer>;
  /** By kiosk id (and `deskPrinterId` of counters with a printer). */
  byKiosk: Map<string, Printer>;
}

/** The printers of an office; `defaultKey` is `url:<LOTSE_PRINTER>`. */
export function buildPrinters(
  office: OfficeConfig,
  old: ReadonlyMap<string, Printer>,
  defaultKey: string,
  defaultConfig: PrinterConfig,
  make: MakePrinter,
): PrinterSet {
  const printers = new Map<string, Printer>();
  const byKiosk = new Map<string, Printer>();
  const take: Take = (key, makeOne) => {
    let printer = printers.get(key);
    if (printer) return printer;
    printer = old.get(key) ?? makeOne();
    printer.kioskIds = [];
    printers.set(key, printer);
    return printer;
  };
  const fallback = take(defaultKey, () => make(defaultKey, DEFAULT_PRINTER_ID, 'Standarddrucker', defaultConfig));
  fallback.name = 'Standarddrucker';
  for (const kiosk of office.kiosks ?? []) {
    const printer = kiosk.printer ? kioskPrinter(kiosk, take, make) : fallback;
    printer.kioskIds.push(kiosk.id);
    byKiosk.set(kiosk.id, printer);
  }
  // A counter's own printer (reception gives out tickets there) is kept like a kiosk's.
  for (const counter of office.counters) {
    if (!counter.printer || counter.printer === 'agent') continue;
    const desk = { id: deskPrinterId(counter.id), name: counter.name, printer: counter.printer };
    const printer = kioskPrinter(desk, take, make);
    printer.kioskIds.push(desk.id);
    byKiosk.set(desk.id, printer);
  }
  return { printers, byKiosk };
}

function kioskPrinter(kiosk: KioskConfig, take: Take, make: MakePrinter): Printer {
  const value = kiosk.printer as string;
  const name = `Drucker ${kiosk.name}`;
  if (value === 'agent') {
    return take(`agent:${kiosk.id}`, () => ({
      ...blankPrinter(`kiosk:${kiosk.id}`, name, 'agent', 'agent'),
      key: `agent:${kiosk.id}`,
    }));
  }
  return take(`url:${value}`, () => {
    try {
      return make(`url:${value}`, `kiosk:${kiosk.id}`, name, parsePrinterUrl(value));
    } catch (error) {
      // The office schema rejects such values; a configuration changed at run time is checked too.
      log.error({ kiosk: kiosk.id, err: error }, 'unusable printer setting; the kiosk prints nothing');
      return { ...blankPrinter(`kiosk:${kiosk.id}`, name, 'none', 'none'), key: `url:${value}` };
    }
  });
}

/**
 * Where a printer setting may write or connect: device files only under an allow-list
 * (LOTSE_PRINTER_DEVICES, by default `/dev/usb/lp*`, `/dev/ttyUSB*`, `/dev/lp*`), virtual
 * printers only inside the data folder. A setting from the admin app can otherwise append to
 * any file the server may write or fill folders outside its own.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { parsePrinterUrl, type PrinterConfig } from '../../printer/index.ts';
import type { ConfigIssue } from '../office-service.ts';

export interface PrinterPlaces {
  dataDir: string;
  /** Allowed device files; a pattern may end in `*` (any name without `/`). */
  devices: readonly string[];
}

export function deviceAllowed(path: string, patterns: readonly string[]): boolean {
  const normal = resolve('/', path);
  if (normal !== path) return false; // `..`, `//` or `.` in the path
  return patterns.some((p) => {
    if (!p.endsWith('*')) return p === normal;
    const prefix = p.slice(0, -1);
    return normal.startsWith(prefix) && normal.length > prefix.length && !normal.slice(prefix.length).includes('/');
  });
}

export function insideDataDir(dir: string, dataDir: string): boolean {
  const rel = relative(dataDir, resolve(dataDir, dir));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Why this printer may not be used here, or null. */
export function printerPlaceProblem(config: PrinterConfig, places: PrinterPlaces): string | null {
  if (config.kind === 'file' && !deviceAllowed(config.path, places.devices)) {
    return `device file ${config.path} is not allowed (allowed: ${places.devices.join(', ') || 'none'})`;
  }
  if (config.kind === 'virtual' && config.dir && !insideDataDir(config.dir, places.dataDir)) {
    return 'a virtual printer folder must be inside the data folder';
  }
  return null;
}

/** Problems of the kiosk printers of an office configuration (from the admin app). */
export function printerPlaceIssues(office: unknown, places: PrinterPlaces): ConfigIssue[] {
  const kiosks = (office as { kiosks?: unknown } | null)?.kiosks;
  if (!Array.isArray(kiosks)) return [];
  const issues: ConfigIssue[] = [];
  kiosks.forEach((kiosk, i) => {
    const value = (kiosk as { printer?: unknown } | null)?.printer;
    if (typeof value !== 'string' || value === 'agent') return;
    let config: PrinterConfig;
    try {
      config = parsePrinterUrl(value);
    } catch {
      return; // the schema names this one
    }
    const problem = printerPlaceProblem(config, places);
    if (problem) issues.push({ path: `kiosks.${i}.printer`, message: problem });
  });
  return issues;
}

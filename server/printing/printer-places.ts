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

/** Why this printer may not be used here, as a code, or null. */
export function printerPlaceCode(
  config: PrinterConfig,
  places: PrinterPlaces,
): 'DEVICE_NOT_ALLOWED' | 'VIRTUAL_OUTSIDE_DATA' | null {
  if (config.kind === 'file' && !deviceAllowed(config.path, places.devices)) return 'DEVICE_NOT_ALLOWED';
  if (config.kind === 'virtual' && config.dir && !insideDataDir(config.dir, places.dataDir)) {
    return 'VIRTUAL_OUTSIDE_DATA';
  }
  return null;
}

/** Why this printer may not be used here, or null. */
export function printerPlaceProblem(config: PrinterConfig, places: PrinterPlaces): string | null {
  const code = printerPlaceCode(config, places);
  if (code === 'DEVICE_NOT_ALLOWED' && config.kind === 'file') {
    return `device file ${config.path} is not allowed (allowed: ${places.devices.join(', ') || 'none'})`;
  }
  if (code === 'VIRTUAL_OUTSIDE_DATA') return 'a virtual printer folder must be inside the data folder';
  return null;
}

/** Problems of the kiosk and counter printers of an office configuration (from the admin app). */
export function printerPlaceIssues(office: unknown, places: PrinterPlaces): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const list of ['kiosks', 'counters'] as const) {
    const items = (office as Record<string, unknown> | null)?.[list];
    if (!Array.isArray(items)) continue;
    items.forEach((item, i) => {
      const value = (item as { printer?: unknown } | null)?.printer;
      if (typeof value !== 'string' || value === 'agent') return;
      let config: PrinterConfig;
      try {
        config = parsePrinterUrl(value);
      } catch {
        return; // the schema names this one
      }
      const code = printerPlaceCode(config, places);
      if (!code) return;
      const message = printerPlaceProblem(config, places) ?? code;
      const params = code === 'DEVICE_NOT_ALLOWED' ? { allowed: places.devices.join(', ') } : undefined;
      issues.push({ path: `${list}.${i}.printer`, code, message, ...(params ? { params } : {}) });
    });
  }
  return issues;
}

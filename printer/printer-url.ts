/**
 * Parses LOTSE_PRINTER:
 *   tcp://HOST[:PORT]      network printer (port 9100 when omitted), IPv6 as tcp://[::1]:9100
 *   file:/dev/usb/lp0      device file (also file:///dev/usb/lp0)
 *   virtual[:DIR]          saves each ticket as .bin and .png (DIR relative to the server's data dir)
 *   none                   no printer
 * Each may end in layout settings: `?paper=58|80&qr=native|raster&nonLatin=raster|german`.
 */
import { PrinterConfigError } from './errors.ts';
import type { PrintLayoutOptions } from './types.ts';

export type PrinterUrlLayout = Partial<Pick<PrintLayoutOptions, 'paperWidthMm' | 'nativeQr' | 'nonLatin'>>;

export type PrinterConfig =
  | { kind: 'tcp'; host: string; port: number; layout: PrinterUrlLayout }
  | { kind: 'file'; path: string; layout: PrinterUrlLayout }
  | { kind: 'virtual'; dir?: string; layout: PrinterUrlLayout }
  | { kind: 'none' };

const FORMS = 'use tcp://HOST:PORT, file:/dev/usb/lp0, virtual, virtual:DIR or none';

function fail(value: string, why: string): never {
  throw new PrinterConfigError(`LOTSE_PRINTER=${JSON.stringify(value)}: ${why} (${FORMS})`);
}

function parseLayout(value: string, query: string): PrinterUrlLayout {
  const layout: PrinterUrlLayout = {};
  if (!query) return layout;
  for (const [key, v] of new URLSearchParams(query)) {
    if (key === 'paper') {
      if (v !== '58' && v !== '80') fail(value, `paper must be 58 or 80, got "${v}"`);
      layout.paperWidthMm = v === '58' ? 58 : 80;
    } else if (key === 'qr') {
      if (v !== 'native' && v !== 'raster') fail(value, `qr must be native or raster, got "${v}"`);
      layout.nativeQr = v === 'native';
    } else if (key === 'nonLatin') {
      if (v !== 'raster' && v !== 'german') fail(value, `nonLatin must be raster or german, got "${v}"`);
      layout.nonLatin = v;
    } else {
      fail(value, `unknown setting "${key}" (known: paper, qr, nonLatin)`);
    }
  }
  return layout;
}

function parseTcp(value: string, rest: string, layout: PrinterUrlLayout): PrinterConfig {
  let url: URL;
  try {
    url = new URL(`tcp://${rest}`);
  } catch {
    fail(value, 'not a valid host and port');
  }
  if (url.username || url.password) fail(value, 'credentials are not supported');
  if (url.pathname && url.pathname !== '/') fail(value, `unexpected path "${url.pathname}"`);
  if (url.hash) fail(value, 'unexpected "#"');
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host) fail(value, 'the host is missing');
  const port = url.port === '' ? 9100 : Number(url.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) fail(value, `port must be 1–65535, got ${url.port}`);
  return { kind: 'tcp', host, port, layout };
}

export function parsePrinterUrl(input: string): PrinterConfig {
  const value = input.trim();
  if (!value) fail(input, 'empty value');
  const q = value.indexOf('?');
  const main = q === -1 ? value : value.slice(0, q);
  const query = q === -1 ? '' : value.slice(q + 1);
  const lower = main.toLowerCase();

  if (lower === 'none') {
    if (query) fail(value, '"none" takes no settings');
    return { kind: 'none' };
  }
  const layout = parseLayout(value, query);
  if (lower === 'virtual') return { kind: 'virtual', layout };
  if (lower.startsWith('virtual:')) {
    const dir = main.slice('virtual:'.length);
    if (!dir) fail(value, 'the directory after "virtual:" is missing');
    return { kind: 'virtual', dir, layout };
  }
  if (lower.startsWith('tcp://')) return parseTcp(value, main.slice('tcp://'.length), layout);
  if (lower.startsWith('file:')) {
    let path = main.slice('file:'.length);
    if (path.startsWith('//')) {
      // file:///dev/usb/lp0 — an empty authority; file://host/... is not a local device.
      if (!path.startsWith('///')) fail(value, 'only local files: file:/dev/usb/lp0 or file:///dev/usb/lp0');
      path = path.slice(2);
    }
    if (!path.startsWith('/')) fail(value, 'the device path must be absolute, e.g. file:/dev/usb/lp0');
    if (path.endsWith('/')) fail(value, 'the device path names a directory');
    let decoded = path;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      fail(value, 'the device path has a broken %-escape (write % as %25)');
    }
    return { kind: 'file', path: decoded, layout };
  }
  if (/^[\w.-]+:\d+$/.test(main) || /^\d{1,3}(\.\d{1,3}){3}$/.test(main)) {
    fail(value, `the scheme is missing, did you mean tcp://${main}?`);
  }
  if (main.startsWith('/dev/')) fail(value, `the scheme is missing, did you mean file:${main}?`);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(main)?.[1];
  fail(value, scheme ? `unsupported scheme "${scheme}:"` : 'unrecognised value');
}

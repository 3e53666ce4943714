import { describe, expect, it } from 'vitest';
import { PrinterConfigError } from './errors.ts';
import { parsePrinterUrl } from './printer-url.ts';

describe('parsePrinterUrl', () => {
  it('reads tcp://HOST:PORT, with 9100 as the default port and IPv6 in brackets', () => {
    expect(parsePrinterUrl('tcp://192.168.1.50:9100')).toEqual({
      kind: 'tcp',
      host: '192.168.1.50',
      port: 9100,
      layout: {},
    });
    expect(parsePrinterUrl('tcp://drucker-eg.local')).toEqual({
      kind: 'tcp',
      host: 'drucker-eg.local',
      port: 9100,
      layout: {},
    });
    expect(parsePrinterUrl(' TCP://[fe80::1]:9101 ')).toEqual({ kind: 'tcp', host: 'fe80::1', port: 9101, layout: {} });
  });

  it('reads file:/path and file:///path', () => {
    expect(parsePrinterUrl('file:/dev/usb/lp0')).toEqual({ kind: 'file', path: '/dev/usb/lp0', layout: {} });
    expect(parsePrinterUrl('file:///dev/usb/lp0')).toEqual({ kind: 'file', path: '/dev/usb/lp0', layout: {} });
  });

  it('reads virtual, virtual:DIR and none', () => {
    expect(parsePrinterUrl('virtual')).toEqual({ kind: 'virtual', layout: {} });
    expect(parsePrinterUrl('virtual:./data/tickets')).toEqual({ kind: 'virtual', dir: './data/tickets', layout: {} });
    expect(parsePrinterUrl('none')).toEqual({ kind: 'none' });
  });

  it('reads layout settings', () => {
    expect(parsePrinterUrl('tcp://10.0.0.5?paper=58&qr=raster&nonLatin=german')).toEqual({
      kind: 'tcp',
      host: '10.0.0.5',
      port: 9100,
      layout: { paperWidthMm: 58, nativeQr: false, nonLatin: 'german' },
    });
    expect(parsePrinterUrl('virtual?paper=80&qr=native')).toEqual({
      kind: 'virtual',
      layout: { paperWidthMm: 80, nativeQr: true },
    });
  });

  it.each([
    ['', /empty value/],
    ['   ', /empty value/],
    ['tcp://', /host is missing|not a valid/],
    ['tcp://host:0', /port must be 1–65535/],
    ['tcp://host:70000', /not a valid host and port|port must be/],
    ['tcp://host:9100/x', /unexpected path/],
    ['tcp://user:pw@host:9100', /credentials/],
    ['http://host:9100', /unsupported scheme "http:"/],
    ['192.168.1.50:9100', /did you mean tcp:\/\/192\.168\.1\.50:9100\?/],
    ['/dev/usb/lp0', /did you mean file:\/dev\/usb\/lp0\?/],
    ['file:dev/usb/lp0', /must be absolute/],
    ['file://printserver/lp0', /only local files/],
    ['virtual:', /directory after "virtual:" is missing/],
    ['none?paper=58', /takes no settings/],
    ['tcp://h?paper=57', /paper must be 58 or 80/],
    ['tcp://h?speed=9', /unknown setting "speed"/],
    ['printer', /unrecognised value/],
  ])('rejects %j with a clear error', (value, message) => {
    expect(() => parsePrinterUrl(value)).toThrow(PrinterConfigError);
    expect(() => parsePrinterUrl(value)).toThrow(message);
  });

  it('names the accepted forms in every error', () => {
    expect(() => parsePrinterUrl('lpt1')).toThrow(
      /tcp:\/\/HOST:PORT, file:\/dev\/usb\/lp0, virtual, virtual:DIR or none/,
    );
  });
});

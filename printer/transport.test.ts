import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PrinterError } from './errors.ts';
import { FileTransport } from './file-transport.ts';
import { renderTicket } from './layout.ts';
import { parsePrinterUrl } from './printer-url.ts';
import { native58, sampleTicket } from './test-fixtures.ts';
import { createTransport, NoneTransport } from './transport.ts';
import { jobFileName, VirtualTransport } from './virtual.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lotse-printer-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('device file transport', () => {
  it('appends each job to the file', async () => {
    const path = join(dir, 'lp0');
    await writeFile(path, '');
    const printer = new FileTransport({ path });
    await Promise.all([printer.print(Uint8Array.of(1, 2, 3)), printer.print(Uint8Array.of(4, 5))]);
    expect([...(await readFile(path))]).toEqual([1, 2, 3, 4, 5]);
    expect(await printer.status()).toEqual({
      online: true,
      coverOpen: false,
      paperNearEnd: false,
      paperOut: false,
      partial: true,
    });
    await printer.close();
    await expect(printer.print(Uint8Array.of(6))).rejects.toMatchObject({ code: 'closed' });
  });

  it('reports a missing device as unreachable', async () => {
    const printer = new FileTransport({ path: join(dir, 'missing', 'lp0') });
    const error = await printer.print(Uint8Array.of(1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrinterError);
    expect(error).toMatchObject({ code: 'unreachable' });
    const status = await printer.status();
    expect(status.online).toBe(false);
    expect(status.error).toMatch(/ENOENT/);
  });
});

describe('virtual printer', () => {
  it('saves each job as .bin plus a PNG preview, named after the ticket id', async () => {
    const printer = new VirtualTransport({ dir: join(dir, 'out') });
    const bytes = renderTicket(sampleTicket, native58);
    await printer.print(bytes, { id: 't-42' });
    expect(await readFile(join(dir, 'out', 't-42.bin'))).toEqual(Buffer.from(bytes));
    const png = PNG.sync.read(await readFile(join(dir, 'out', 't-42.png')));
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(sampleTicket.phoneUrl);
    expect(png.width).toBe(384 + 2 * 40 + 2 * 18);
  });

  it('numbers jobs without an id, continuing after files already there', async () => {
    await writeFile(join(dir, '000007.bin'), '');
    const printer = new VirtualTransport({ dir });
    await printer.print(Uint8Array.of(0x41, 0x0a));
    await printer.print(Uint8Array.of(0x42, 0x0a));
    expect(printer.printed.map((p) => p.name)).toEqual(['000008', '000009']);
    expect((await readdir(dir)).sort()).toEqual(['000007.bin', '000008.bin', '000008.png', '000009.bin', '000009.png']);
  });

  it('keeps ticket ids from escaping the directory', () => {
    expect(jobFileName('../../etc/passwd')).toBe('__.._etc_passwd');
    expect(jobFileName('..')).toBe('_');
    expect(jobFileName('')).toBe('_');
    expect(jobFileName('W-017_2025.11.21')).toBe('W-017_2025.11.21');
  });
});

describe('createTransport', () => {
  it('builds the transport LOTSE_PRINTER names', async () => {
    expect(createTransport(parsePrinterUrl('tcp://127.0.0.1:9')).kind).toBe('tcp');
    expect(createTransport(parsePrinterUrl('file:/dev/usb/lp0')).kind).toBe('file');
    expect(createTransport(parsePrinterUrl(`virtual:${dir}`)).kind).toBe('virtual');
    expect(createTransport(parsePrinterUrl('virtual'), { virtualDir: dir }).kind).toBe('virtual');
    expect(() => createTransport(parsePrinterUrl('virtual'))).toThrow(/needs a directory/);
    const none = createTransport(parsePrinterUrl('none'));
    expect(none).toBeInstanceOf(NoneTransport);
    await expect(none.print(Uint8Array.of(1))).resolves.toBeUndefined();
    expect(await none.status()).toMatchObject({ online: false, error: 'no printer configured' });
  });
});

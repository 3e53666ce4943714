/**
 * Ticket printing against a real server and the ESC/POS printer emulator on loopback:
 * what reaches the paper (number, umlauts, QR code with the phone page's full URL, cut), paper
 * out, printers that vanish or never answer, per-kiosk printers, health pushed to kiosks and
 * admins, and the virtual printer's files.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { OfficeConfig } from '../../core/types.ts';
import { PrinterEmulator } from '../../printer/emulator.ts';
import { decode, summarize } from '../../printer/index.ts';
import { readRasterQr } from '../../printer/test-fixtures.ts';
import { parseOfficeConfig } from '../../server/office-config.ts';
import { connectPrintClient, type PrintClient, statusWhere } from '../helpers/printing.ts';
import { testScope } from '../helpers/scope.ts';
import { demoOffice, http, login, type TestServer } from '../helpers/server.ts';

const scope = testScope();

async function emulator(): Promise<PrinterEmulator> {
  const e = await PrinterEmulator.start();
  scope.cleanup.push(() => e.close());
  return e;
}

const server = (options: Parameters<typeof scope.server>[0]): Promise<TestServer> =>
  scope.server({ ...options, printing: { pollIntervalMs: 60_000, ...options?.printing } });

async function printClient(url: string, token?: string): Promise<PrintClient> {
  const socket = await connectPrintClient(url, token);
  scope.cleanup.push(() => {
    socket.disconnect();
  });
  return socket;
}

const issue = (s: TestServer, body: Record<string, unknown>) => http(s.url, 'POST', '/api/tickets', body);

function officeWith(changes: Partial<OfficeConfig>): OfficeConfig {
  return { ...demoOffice(), ...changes };
}

describe('printing on a network printer (ESC/POS over TCP)', () => {
  it('prints every kiosk ticket: number, umlauts, the QR code of the full phone URL, and a cut', async () => {
    const printer = await emulator();
    const s = await server({ printer: printer.url, office: officeWith({ name: 'Bürgerbüro Süd' }) });

    const first = await issue(s, { concernId: 'documents', language: 'de' });
    expect(first.status).toBe(201);
    expect(first.body.print).toEqual({ status: 'printed' });
    const second = await issue(s, { concernId: 'documents', language: 'tr' });
    expect(second.body.print).toEqual({ status: 'printed' });
    const third = await issue(s, { concernId: 'housing', language: 'uk' });
    expect(third.body.print).toEqual({ status: 'printed' });

    const jobs = await printer.waitForJobs(3);
    expect(jobs).toHaveLength(3);
    const [a, b, c] = jobs;
    expect(a?.lines).toContain(first.body.ticket.number);
    expect(a?.text).toContain('Bürgerbüro Süd');
    expect(a?.text).toContain('Unterlagen abgeben');
    expect(a?.text).toContain('Ihre ausgefüllten Anträge');
    expect(a?.text).toContain('Sie sind als Nächstes dran.');
    expect(a?.qr).toEqual([`${s.url}${first.body.ticket.statusUrl}`]);
    expect(a?.cuts).toBe(1);

    expect(b?.lines).toContain(second.body.ticket.number);
    expect(b?.text).toContain('Belge teslim etmek'); // the concern in Turkish
    expect(b?.qr).toEqual([`${s.url}${second.body.ticket.statusUrl}`]);
    expect(c?.text).toContain('Житлова допомога'); // Ukrainian through code page 866
    expect(c?.cuts).toBe(1);
    expect(printer.aborted).toEqual([]);

    // The ticket itself is what the contract promises, unchanged.
    expect(first.body.ticket).toMatchObject({ number: expect.stringMatching(/^U-\d{3}$/), status: 'waiting' });
  });

  it('prints the QR code as an image for printers without native QR, and uses LOTSE_PUBLIC_URL', async () => {
    const printer = await emulator();
    const s = await server({ printer: `${printer.url}?qr=raster&paper=58`, publicUrl: 'https://lotse.example.org/' });
    const r = await issue(s, { concernId: 'certificates' });
    expect(r.body.print).toEqual({ status: 'printed' });
    const [job] = await printer.waitForJobs(1);
    expect(job?.qr).toEqual([]);
    const qr = job?.rasters.map(readRasterQr).find((text) => text !== null);
    expect(qr).toBe(`https://lotse.example.org${r.body.ticket.statusUrl}`);
  });

  it('paper out: the ticket is valid, the answer says failed, kiosks and admins are told', async () => {
    const printer = await emulator();
    const s = await server({ printer: printer.url });
    const admin = await login(s.url);
    const kiosk = await printClient(s.url);
    const staff = await printClient(s.url, admin);
    const watched = await kiosk.emitWithAck('printer:watch', { kioskId: 'entrance' });
    expect(watched).toMatchObject({ ok: true, data: [{ id: 'default', kind: 'tcp' }] });
    expect(await staff.emitWithAck('printer:watch', { all: true })).toMatchObject({
      ok: true,
      data: [{ id: 'default' }],
    });

    printer.condition = 'paper-out';
    const kioskSees = statusWhere(kiosk, (v) => v.problem === 'PAPER_OUT');
    const staffSees = statusWhere(staff, (v) => v.problem === 'PAPER_OUT');
    const started = Date.now();
    const r = await issue(s, { concernId: 'housing', kioskId: 'entrance' });
    expect(Date.now() - started).toBeLessThan(4500);
    expect(r.status).toBe(201);
    expect(r.body.print).toEqual({ status: 'failed', error: 'PAPER_OUT' });
    expect(r.body.ticket.status).toBe('waiting');
    const token = r.body.ticket.statusUrl.slice(3);
    expect((await http(s.url, 'GET', `/api/status/${token}`)).body.ticket.number).toBe(r.body.ticket.number);
    expect(printer.jobs).toHaveLength(0);

    const seenByKiosk = await kioskSees;
    expect(seenByKiosk).toMatchObject({ state: 'error', paperOut: true, online: false });
    expect(seenByKiosk).not.toHaveProperty('target');
    expect(seenByKiosk).not.toHaveProperty('detail');
    expect(await staffSees).toMatchObject({ state: 'error', target: printer.url });

    const listed = await http(s.url, 'GET', '/api/printers', undefined, admin);
    expect(listed.status).toBe(200);
    expect(listed.body.printers[0]).toMatchObject({
      id: 'default',
      state: 'error',
      problem: 'PAPER_OUT',
      printed: 0,
      failed: 1,
      lastFailure: { error: 'PAPER_OUT' },
    });

    // A new roll: the next ticket prints, and the kiosk learns the printer is fine again.
    printer.condition = 'ready';
    const fine = statusWhere(kiosk, (v) => v.state === 'ready');
    const next = await issue(s, { concernId: 'housing', kioskId: 'entrance' });
    expect(next.body.print).toEqual({ status: 'printed' });
    expect(await fine).toMatchObject({ printed: 1, failed: 1 });
  });

  it('a connection dropped mid-job is sent again on a new connection; one printed ticket results', async () => {
    const printer = await emulator();
    const s = await server({ printer: printer.url });
    expect((await issue(s, { concernId: 'housing' })).body.print.status).toBe('printed');
    printer.dropNextConnectionAfter(300);
    printer.disconnectAll(); // the server's open connection ends; the next one breaks after 300 bytes
    const r = await issue(s, { concernId: 'housing' });
    expect(r.body.print).toEqual({ status: 'printed' });
    const jobs = await printer.waitForJobs(2);
    expect(jobs.filter((j) => j.lines.includes(r.body.ticket.number))).toHaveLength(1);
    expect(printer.aborted.some((j) => j.cuts === 0)).toBe(true);
  });

  it('a printer that is gone, or never answers, fails within the wait and is reported', async () => {
    const printer = await emulator();
    const s = await server({ printer: printer.url });
    const admin = await login(s.url);
    const staff = await printClient(s.url, admin);
    await staff.emitWithAck('printer:watch', { all: true });

    printer.answerStatus = false;
    let started = Date.now();
    const silent = await issue(s, { concernId: 'housing' });
    expect(silent.body.print).toEqual({ status: 'failed', error: 'PRINTER_TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(4500);

    const reported = statusWhere(staff, (v) => v.failed === 2 && v.problem === 'PRINTER_UNREACHABLE');
    await printer.close();
    started = Date.now();
    const gone = await issue(s, { concernId: 'housing' });
    expect(gone.status).toBe(201);
    expect(gone.body.print.status).toBe('failed');
    expect(['PRINTER_UNREACHABLE', 'CONNECTION_LOST']).toContain(gone.body.print.error);
    expect(Date.now() - started).toBeLessThan(4500);
    expect(await reported).toMatchObject({ state: 'error', online: false });
  });

  it('health is polled without any ticket: paper near end is a warning, an open cover an error', async () => {
    const printer = await emulator();
    const s = await server({ printer: printer.url, printing: { pollIntervalMs: 100 } });
    const kiosk = await printClient(s.url);
    expect(await kiosk.emitWithAck('printer:watch', { all: true })).toEqual({ ok: false, error: 'UNAUTHENTICATED' });
    expect(await kiosk.emitWithAck('printer:watch', {})).toMatchObject({ ok: true, data: [{ id: 'default' }] });
    printer.condition = 'paper-near-end';
    expect(await statusWhere(kiosk, (v) => v.state === 'warning')).toMatchObject({ paperNearEnd: true, online: true });
    printer.condition = 'cover-open';
    expect(await statusWhere(kiosk, (v) => v.state === 'error')).toMatchObject({ problem: 'COVER_OPEN' });
  });

  it('each kiosk prints on its own printer; the others and unknown kiosks on LOTSE_PRINTER', async () => {
    const hall = await emulator();
    const entrance = await emulator();
    const office = officeWith({
      kiosks: [
        { id: 'entrance', name: 'Eingang', printer: entrance.url },
        { id: 'entrance-2', name: 'Eingang rechts', printer: entrance.url },
        { id: 'hall', name: 'Halle' },
      ],
    });
    const s = await server({ printer: hall.url, office });
    const at = async (kioskId?: string) =>
      (await issue(s, { concernId: 'certificates', ...(kioskId ? { kioskId } : {}) })).body.ticket.number as string;
    const e1 = await at('entrance');
    const e2 = await at('entrance-2');
    const h1 = await at('hall');
    const h2 = await at();
    const h3 = await at('unknown-kiosk');
    const numbersOn = async (p: PrinterEmulator, n: number) =>
      (await p.waitForJobs(n)).map((j) => j.lines.find((l) => /^C-\d{3}$/.test(l)));
    expect(await numbersOn(entrance, 2)).toEqual([e1, e2]);
    expect(await numbersOn(hall, 3)).toEqual([h1, h2, h3]);
    expect(entrance.connections).toBe(1); // two kiosks share one connection to their printer

    const admin = await login(s.url);
    const { body } = await http(s.url, 'GET', '/api/printers', undefined, admin);
    expect(body.printers).toEqual([
      expect.objectContaining({ id: 'default', kioskIds: ['hall'], printed: 3 }),
      expect.objectContaining({ id: 'kiosk:entrance', kioskIds: ['entrance', 'entrance-2'], printed: 2 }),
    ]);
  });

  it('a repeated request (same idempotency key) is not printed twice', async () => {
    const printer = await emulator();
    const s = await server({ printer: printer.url });
    const body = { concernId: 'housing', idempotencyKey: 'kiosk-touch-0001' };
    const first = await issue(s, body);
    const again = await issue(s, body);
    expect(again.status).toBe(200);
    expect(again.body.ticket.id).toBe(first.body.ticket.id);
    expect(again.body.print).toEqual({ status: 'printed' });
    await new Promise((r) => setTimeout(r, 200));
    expect(printer.jobs).toHaveLength(1);
  });

  it('LOTSE_PRINTER=none prints nothing and says so; staff tickets print only for a named kiosk', async () => {
    const s = await server({ printer: 'none' });
    expect((await issue(s, { concernId: 'housing' })).body.print).toEqual({ status: 'none' });
    const printer = await emulator();
    const t = await server({ printer: printer.url });
    const admin = await login(t.url);
    const staffTicket = await http(t.url, 'POST', '/api/tickets', { concernId: 'housing' }, admin);
    expect(staffTicket.body.print).toEqual({ status: 'none' });
    const forKiosk = await http(t.url, 'POST', '/api/tickets', { concernId: 'housing', kioskId: 'hall' }, admin);
    expect(forKiosk.body.print).toEqual({ status: 'printed' });
  });

  it('the virtual printer (the default) saves each ticket as ESC/POS bytes and a PNG preview', async () => {
    const s = await server({ printer: 'virtual' });
    const r = await issue(s, { concernId: 'subsistence', language: 'de' });
    expect(r.body.print).toEqual({ status: 'printed' });
    const dir = join(s.dataDir, 'printed');
    const name = `${r.body.ticket.number}-${r.body.ticket.id}`;
    expect(readdirSync(dir).sort()).toEqual([`${name}.bin`, `${name}.png`]);
    const ticket = summarize(decode(new Uint8Array(readFileSync(join(dir, `${name}.bin`)))));
    expect(ticket.lines).toContain(r.body.ticket.number);
    expect(ticket.text).toContain('Kontoauszüge der letzten 3 Monate');
    expect(ticket.qr).toEqual([`${s.url}${r.body.ticket.statusUrl}`]);
    const png = PNG.sync.read(readFileSync(join(dir, `${name}.png`)));
    expect(png.width).toBeGreaterThan(576); // 80 mm paper at one pixel per dot, plus margins
    expect(png.height).toBeGreaterThan(600);
    expect(existsSync(join(s.dataDir, 'print-jobs.json'))).toBe(false);
  });

  it('refuses malformed kiosk ids, printer lists without admin, and unusable printer settings', async () => {
    const s = await server({ printer: 'none' });
    expect((await issue(s, { concernId: 'housing', kioskId: 'Not A Kiosk!' })).status).toBe(400);
    expect((await issue(s, { concernId: 'housing', kioskId: 42 })).status).toBe(400);
    expect((await http(s.url, 'GET', '/api/printers')).status).toBe(401);
    const socket = await printClient(s.url);
    expect(await socket.emitWithAck('printer:watch', { kioskId: '../x' })).toEqual({
      ok: false,
      error: 'VALIDATION_FAILED',
    });
    expect(await socket.emitWithAck('print:ack', { jobId: 'x', printed: true })).toEqual({
      ok: false,
      error: 'FORBIDDEN',
    });

    await expect(scope.server({ printer: '192.168.1.20:9100' })).rejects.toThrow(
      /did you mean tcp:\/\/192\.168\.1\.20:9100/,
    );
    const bad = { ...demoOffice(), kiosks: [{ id: 'entrance', name: 'Eingang', printer: '/dev/usb/lp0' }] };
    expect(() => parseOfficeConfig(bad, 'test')).toThrow(/kiosks\.0\.printer.*did you mean file:\/dev\/usb\/lp0/);
    const twice = {
      ...demoOffice(),
      kiosks: [
        { id: 'a', name: 'A' },
        { id: 'a', name: 'B' },
      ],
    };
    expect(() => parseOfficeConfig(twice, 'test')).toThrow(/duplicate kiosk id/);
  });
});

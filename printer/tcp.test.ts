import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PrinterEmulator } from './emulator.ts';
import { PrinterError } from './errors.ts';
import { renderTicket } from './layout.ts';
import { TcpTransport, type TcpTransportOptions } from './tcp.ts';
import { native58, sampleTicket } from './test-fixtures.ts';

let emulator: PrinterEmulator;
let transports: TcpTransport[];

beforeEach(async () => {
  emulator = await PrinterEmulator.start();
  transports = [];
});
afterEach(async () => {
  await Promise.all(transports.map((t) => t.close()));
  await emulator.close();
});

function transport(options: Partial<TcpTransportOptions> = {}): TcpTransport {
  const t = new TcpTransport({
    host: '127.0.0.1',
    port: emulator.port,
    connectTimeoutMs: 1000,
    statusTimeoutMs: 300,
    writeTimeoutMs: 1000,
    ...options,
  });
  transports.push(t);
  return t;
}

const ticket = (number = 'W-017') => renderTicket({ ...sampleTicket, number }, native58);

async function rejection(promise: Promise<unknown>): Promise<PrinterError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof PrinterError)) throw new Error(`expected a PrinterError, got ${String(error)}`);
  return error;
}

describe('TCP transport against the emulator', () => {
  it('prints a real ticket: text, QR code and cut arrive intact', async () => {
    const printer = transport();
    await printer.print(ticket());
    const [job] = await emulator.waitForJobs(1);
    expect(job?.lines).toContain('W-017');
    expect(job?.text).toContain('Bürgeramt Mitte');
    expect(job?.text).toContain('Gebühr: 12,50 €');
    expect(job?.qr).toEqual([sampleTicket.phoneUrl]);
    expect(job?.cuts).toBe(1);
    // A status query before and after the job, four DLE EOT each.
    expect(emulator.statusQueries).toBe(8);
    expect(emulator.aborted).toEqual([]);
  });

  it('uses one socket for many jobs and never interleaves concurrent jobs', async () => {
    const printer = transport();
    await Promise.all(['A-001', 'B-002', 'C-003'].map((n) => printer.print(ticket(n))));
    const jobs = await emulator.waitForJobs(3);
    expect(jobs.map((j) => j.lines.find((l) => /^[ABC]-00\d$/.test(l)))).toEqual(['A-001', 'B-002', 'C-003']);
    expect(jobs.every((j) => j.cuts === 1 && j.qr.length === 1)).toBe(true);
    expect(emulator.connections).toBe(1);
    expect(printer.connections).toBe(1);
  });

  it('reads the status: ready, paper near end, paper out, cover open', async () => {
    const printer = transport();
    expect(await printer.status()).toEqual({ online: true, coverOpen: false, paperNearEnd: false, paperOut: false });
    emulator.condition = 'paper-near-end';
    expect(await printer.status()).toEqual({ online: true, coverOpen: false, paperNearEnd: true, paperOut: false });
    emulator.condition = 'paper-out';
    expect(await printer.status()).toMatchObject({ online: false, paperOut: true });
    emulator.condition = 'cover-open';
    expect(await printer.status()).toMatchObject({ online: false, coverOpen: true, paperOut: false });
  });

  it('collects status replies that arrive one byte per data event', async () => {
    emulator.replyByteDelayMs = 15;
    emulator.condition = 'paper-out';
    const printer = transport({ statusTimeoutMs: 500 });
    expect(await printer.status()).toMatchObject({ online: false, paperOut: true, paperNearEnd: true });
    emulator.condition = 'ready';
    expect(await printer.status()).toEqual({ online: true, coverOpen: false, paperNearEnd: false, paperOut: false });
  });

  it('refuses to print without paper or with the cover open, and prints once fixed', async () => {
    const printer = transport();
    emulator.condition = 'paper-out';
    expect((await rejection(printer.print(ticket()))).code).toBe('paper-out');
    emulator.condition = 'cover-open';
    expect((await rejection(printer.print(ticket()))).code).toBe('cover-open');
    emulator.condition = 'cutter-error';
    const error = await rejection(printer.print(ticket()));
    expect(error.code).toBe('printer-error');
    expect(error.message).toMatch(/autocutter/);
    expect(emulator.jobs).toHaveLength(0);
    emulator.condition = 'ready';
    await printer.print(ticket());
    expect(await emulator.waitForJobs(1)).toHaveLength(1);
  });

  it('times out on a printer that does not answer status queries, and can print without asking', async () => {
    emulator.answerStatus = false;
    const printer = transport({ statusTimeoutMs: 150 });
    const started = Date.now();
    const status = await printer.status();
    expect(status.online).toBe(false);
    expect(status.error).toMatch(/longer than 150 ms/);
    expect((await rejection(printer.print(ticket()))).code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2000);
    const blind = transport({ checkStatus: false });
    await blind.print(ticket());
    expect(await emulator.waitForJobs(1)).toHaveLength(1);
  });

  it('fails a job whose connection drops mid-job, then reconnects for the next one', async () => {
    const printer = transport({ retries: 0 });
    emulator.dropNextConnectionAfter(300);
    expect((await rejection(printer.print(ticket('W-001')))).code).toBe('connection-lost');
    expect(emulator.jobs).toHaveLength(0);
    await expect.poll(() => emulator.aborted.length).toBe(1);
    expect(emulator.aborted[0]?.cuts).toBe(0);

    await printer.print(ticket('W-002'));
    const [job] = await emulator.waitForJobs(1);
    expect(job?.lines).toContain('W-002');
    expect(job?.connection).toBe(2);
    expect(printer.connections).toBe(2);
  });

  it('sends a job again on a new connection when the connection drops mid-job', async () => {
    const printer = transport(); // retries: 1
    emulator.dropNextConnectionAfter(300);
    await printer.print(ticket('W-003'));
    const [job] = await emulator.waitForJobs(1);
    expect(job?.lines).toContain('W-003');
    expect(job?.qr).toEqual([sampleTicket.phoneUrl]);
    expect(emulator.connections).toBe(2);
  });

  it('reconnects after the printer closed an idle connection', async () => {
    const printer = transport();
    await printer.print(ticket('W-004'));
    emulator.disconnectAll();
    await new Promise((r) => setTimeout(r, 50));
    await printer.print(ticket('W-005'));
    const jobs = await emulator.waitForJobs(2);
    expect(jobs.map((j) => j.connection)).toEqual([1, 2]);
  });

  it('reports an unreachable printer', async () => {
    const free = net.createServer();
    await new Promise<void>((r) => free.listen(0, '127.0.0.1', () => r()));
    const port = (free.address() as net.AddressInfo).port;
    await new Promise<void>((r) => free.close(() => r()));
    const printer = transport({ port });
    expect((await rejection(printer.print(ticket()))).code).toBe('unreachable');
    const status = await printer.status();
    expect(status.online).toBe(false);
    expect(status.error).toMatch(/cannot connect/);
  });

  it('rejects a reply that is no DLE EOT status and drops the connection', async () => {
    const liar = net.createServer((socket) => socket.on('data', () => socket.write(Uint8Array.of(0, 0, 0, 0))));
    await new Promise<void>((r) => liar.listen(0, '127.0.0.1', () => r()));
    try {
      const printer = transport({ port: (liar.address() as net.AddressInfo).port });
      expect((await rejection(printer.print(ticket()))).code).toBe('bad-reply');
      expect((await printer.status()).error).toMatch(/answered the status query with 00000000/);
      await printer.close();
    } finally {
      await new Promise<void>((r) => liar.close(() => r()));
    }
  });

  it('refuses work after close', async () => {
    const printer = transport();
    await printer.close();
    expect((await rejection(printer.print(ticket()))).code).toBe('closed');
    expect((await printer.status()).online).toBe(false);
  });
});

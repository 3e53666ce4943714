/**
 * A slow printer must not print tickets long after they were drawn: a ticket whose turn comes
 * only after the maximum age (LOTSE_PRINT_JOB_MAX_AGE_SECONDS) is dropped unprinted and counted
 * as failed (`JOB_EXPIRED`), while the visitor already has the number. The ESC/POS emulator
 * answers status queries slowly, as a struggling printer does.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { PrinterAdminView } from '../../core/events.ts';
import { PrinterEmulator } from '../../printer/emulator.ts';
import { parseConfig } from '../../server/config.ts';
import { connectPrintClient, type PrintClient } from '../helpers/printing.ts';
import { http, login, removeDir, startTestServer, type TestServer } from '../helpers/server.ts';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

describe('print jobs that waited too long', () => {
  it('are dropped, not printed late; the tickets exist and the kiosk is told', async () => {
    const printer = await PrinterEmulator.start();
    cleanup.push(() => printer.close());
    // Each status reply takes 1 s (two per ticket): about 2 s per printed ticket.
    printer.replyByteDelayMs = 250;
    const s: TestServer = await startTestServer({
      printer: printer.url,
      printing: { pollIntervalMs: 60_000, waitMs: 200, jobMaxAgeMs: 1000, tcp: { statusTimeoutMs: 4000 } },
    });
    cleanup.push(async () => {
      await s.stop();
      removeDir(s.dataDir);
    });
    const admin = await login(s.url);
    const kiosk: PrintClient = await connectPrintClient(s.url);
    cleanup.push(() => void kiosk.disconnect());
    await kiosk.emitWithAck('printer:watch', {});
    const results = new Map<string, string>();
    kiosk.on('print:result', ({ ticketId, print }) => {
      results.set(ticketId, print.status === 'failed' ? `failed:${print.error}` : print.status);
    });

    // Five visitors draw at once: the first ticket keeps the printer busy for about 2 s.
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => http(s.url, 'POST', '/api/tickets', { concernId: 'housing' })),
    );
    const tickets: { id: string; number: string }[] = [];
    for (const r of answers) {
      expect(r.status).toBe(201);
      expect(r.body.print).toEqual({ status: 'pending' });
      expect(r.body.ticket.number).toMatch(/^W-\d{3}$/);
      tickets.push(r.body.ticket);
    }
    const view = async () =>
      (
        await http<{ printers: PrinterAdminView[] }>(s.url, 'GET', '/api/printers', undefined, admin)
      ).body.printers.find((p) => p.id === 'default') as PrinterAdminView;
    await expect
      .poll(
        async () => {
          const v = await view();
          return v.printed + v.failed;
        },
        { timeout: 15_000 },
      )
      .toBe(5);
    const settled = await view();
    expect(settled.printed).toBe(1);
    expect(settled.failed).toBe(4);
    expect(settled.lastFailure?.error).toBe('JOB_EXPIRED');
    await expect.poll(() => results.size, { timeout: 5000 }).toBe(5);
    const outcomes = tickets.map((t) => results.get(t.id));
    expect(outcomes.filter((o) => o === 'printed')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'failed:JOB_EXPIRED')).toHaveLength(4);
    const printedOne = tickets.find((t) => results.get(t.id) === 'printed');

    // A ticket drawn now prints; none of the dropped ones comes out before (or after) it.
    const fresh = await http(s.url, 'POST', '/api/tickets', { concernId: 'housing' });
    await printer.waitForJobs(2, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const numbers = printer.jobs.map((j) => tickets.concat(fresh.body.ticket).find((t) => j.lines.includes(t.number)));
    expect(numbers.map((t) => t?.number)).toEqual([printedOne?.number, fresh.body.ticket.number]);
  });

  it('LOTSE_PRINT_JOB_MAX_AGE_SECONDS sets the age; nonsense is refused at start', () => {
    expect(parseConfig({ LOTSE_PRINT_JOB_MAX_AGE_SECONDS: '45' }).printJobMaxAgeSeconds).toBe(45);
    expect(parseConfig({}).printJobMaxAgeSeconds).toBeUndefined();
    expect(() => parseConfig({ LOTSE_PRINT_JOB_MAX_AGE_SECONDS: 'soon' })).toThrow(/LOTSE_PRINT_JOB_MAX_AGE_SECONDS/);
    expect(() => parseConfig({ LOTSE_PRINT_JOB_MAX_AGE_SECONDS: '0' })).toThrow(/LOTSE_PRINT_JOB_MAX_AGE_SECONDS/);
  });
});

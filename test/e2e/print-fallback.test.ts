/**
 * The printer is out of paper: in a real Chromium the kiosk still gives the ticket, says plainly
 * that it cannot be printed, shows the number large and a QR code of the phone page (read back
 * from a screenshot), and asks for a photo. With paper again it says the ticket is printing.
 */
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrinterEmulator } from '../../printer/emulator.ts';
import { chromiumPerFile } from '../helpers/e2e.ts';
import { http, type TestServer } from '../helpers/server.ts';

const e2e = chromiumPerFile({ perFile: true });
let server: TestServer;
let printer: PrinterEmulator;

beforeAll(async () => {
  printer = await PrinterEmulator.start();
  printer.condition = 'paper-out';
  server = await e2e.server({ printer: printer.url, printing: { pollIntervalMs: 500 } });
});

afterAll(async () => {
  // The server stops before its printer goes.
  await server?.stop();
  await printer?.close();
});

async function kioskPage(): Promise<Page> {
  const page = await e2e.newPage({ viewport: { width: 1080, height: 1920 } });
  await page.goto(`${server.url}/kiosk?kiosk=entrance`);
  return page;
}

/** Reads the QR code shown on the page from a screenshot of its element. */
async function readQr(page: Page, testid: string): Promise<string | null> {
  const shot = PNG.sync.read(await page.getByTestId(testid).screenshot());
  return jsQR(new Uint8ClampedArray(shot.data), shot.width, shot.height)?.data ?? null;
}

describe('kiosk fallback when the printer fails', () => {
  it('paper out: the number and QR code on screen, and the visitor is asked to take a photo', async () => {
    const kiosk = await kioskPage();
    await kiosk.getByTestId('concern-housing').click();
    await kiosk.getByTestId('kiosk-draw').click(); // the kiosk confirms the choice first

    const screen = kiosk.getByTestId('ticket-screen');
    await expect.poll(() => screen.getAttribute('data-print')).toBe('failed');
    const number = (await kiosk.getByTestId('ticket-number').textContent())?.trim();
    expect(number).toMatch(/^W-\d{3}$/);
    const notice = kiosk.getByTestId('ticket-print');
    expect(await notice.getAttribute('role')).toBe('alert');
    expect(await notice.textContent()).toContain('Der Drucker kann Ihr Ticket gerade nicht drucken.');
    expect(await notice.textContent()).toContain('Machen Sie bitte ein Foto vom Bildschirm.');
    expect(await kiosk.locator('main.ticket--fallback').count()).toBe(1);

    // The ticket is real, and the code on screen leads to its phone page.
    const ticket = server.ctx.queue.day().tickets.find((t) => t.number === number);
    expect(ticket?.status).toBe('waiting');
    const phoneUrl = `${server.url}/t/${ticket?.token}`;
    expect(await kiosk.getByTestId('ticket-qr').getAttribute('data-value')).toBe(phoneUrl);
    await expect.poll(() => kiosk.locator('[data-testid="ticket-qr"] svg').count()).toBe(1);
    expect(await readQr(kiosk, 'ticket-qr')).toBe(phoneUrl);
    expect((await http(server.url, 'GET', `/api/status/${ticket?.token}`)).status).toBe(200);
    expect(printer.jobs).toHaveLength(0);

    // The number is big (over 10 % of the screen's height) and the code fits on the first screen.
    const box = await kiosk.getByTestId('ticket-number').boundingBox();
    expect(box?.height).toBeGreaterThan(192);
    const qr = await kiosk.getByTestId('ticket-qr').boundingBox();
    expect((qr?.y ?? 9999) + (qr?.height ?? 0)).toBeLessThan(1920);
  });

  it('in the visitor language, and back to "printing" once the printer has paper again', async () => {
    const kiosk = await kioskPage();
    await kiosk.getByTestId('lang-tr').click();
    await kiosk.getByTestId('concern-certificates').click();
    await kiosk.getByTestId('kiosk-draw').click();
    await expect.poll(() => kiosk.getByTestId('ticket-screen').getAttribute('data-print')).toBe('failed');
    expect(await kiosk.getByTestId('ticket-print').textContent()).toContain('Lütfen ekranın fotoğrafını çekin.');
    await kiosk.getByTestId('kiosk-done').click();

    printer.condition = 'ready';
    await kiosk.getByTestId('concern-certificates').click();
    await kiosk.getByTestId('kiosk-draw').click();
    await expect.poll(() => kiosk.getByTestId('ticket-screen').getAttribute('data-print')).toBe('printed');
    expect(await kiosk.getByTestId('ticket-print').textContent()).toContain('Der Drucker druckt jetzt Ihr Ticket.');
    const [job] = await printer.waitForJobs(1);
    expect(job?.lines).toContain((await kiosk.getByTestId('ticket-number').textContent())?.trim());
  });
});

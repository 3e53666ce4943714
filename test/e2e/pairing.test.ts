/**
 * Device pairing in production offices: a kiosk and a lobby screen opened once with their
 * pairing link work (also after a reload, the key is kept and removed from the address bar);
 * an unpaired browser gets no ticket.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import {
  demoOffice,
  http,
  login,
  registerDevice,
  removeDir,
  startTestServer,
  type TestServer,
} from '../helpers/server.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ office: { ...demoOffice(), requireDevicePairing: true } });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) removeDir(server.dataDir);
});

describe('paired devices', () => {
  it('a kiosk opened with its pairing link draws tickets; the link leaves the address bar', async () => {
    const admin = await login(server.url);
    const paired = await registerDevice(server.url, admin, { kind: 'kiosk', name: 'Eingang' });
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    const kiosk = await context.newPage();
    await kiosk.goto(`${server.url}${paired.body.pairingUrl}`);
    await kiosk.getByTestId('concern-housing').waitFor();
    expect(kiosk.url()).toBe(`${server.url}/kiosk`);
    await kiosk.reload();
    await kiosk.getByTestId('concern-housing').click();
    await kiosk.getByTestId('kiosk-draw').click(); // the kiosk confirms the choice first
    await expect
      .poll(async () => (await kiosk.getByTestId('ticket-number').textContent())?.trim())
      .toMatch(/^W-\d{3}$/);
    await context.close();

    const unpaired = await http(server.url, 'POST', '/api/tickets', { concernId: 'housing' });
    expect(unpaired.body.error.code).toBe('DEVICE_REQUIRED');
  });

  it('a lobby screen opened with its pairing link shows calls', async () => {
    const admin = await login(server.url);
    const paired = await registerDevice(server.url, admin, { kind: 'screen', name: 'Wartebereich' });
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const display = await context.newPage();
    await display.goto(`${server.url}${paired.body.pairingUrl}`);
    await http(server.url, 'POST', '/api/tickets', { concernId: 'certificates' }, admin);
    const called = await http(server.url, 'POST', '/api/counters/desk-1/call-next', undefined, admin);
    await expect
      .poll(async () => (await display.getByTestId('call-number').first().textContent())?.trim(), { timeout: 5000 })
      .toBe(called.body.ticket.number);
    await context.close();
  });
});

/**
 * Device pairing in production offices: a kiosk and a lobby screen opened once with their
 * pairing link work (also after a reload, the key is kept and removed from the address bar);
 * an unpaired browser gets no ticket.
 */
import { describe, expect, it } from 'vitest';
import { serverAndBrowserPerFile } from '../helpers/e2e.ts';
import { demoOffice, http, login, registerDevice } from '../helpers/server.ts';

const bench = serverAndBrowserPerFile({ office: { ...demoOffice(), requireDevicePairing: true } });

describe('paired devices', () => {
  it('a kiosk opened with its pairing link draws tickets; the link leaves the address bar', async () => {
    const admin = await login(bench.server.url);
    const paired = await registerDevice(bench.server.url, admin, { kind: 'kiosk', name: 'Eingang' });
    const context = await bench.browser.newContext({ viewport: { width: 1080, height: 1920 } });
    const kiosk = await context.newPage();
    await kiosk.goto(`${bench.server.url}${paired.body.pairingUrl}`);
    await kiosk.getByTestId('concern-housing').waitFor();
    expect(kiosk.url()).toBe(`${bench.server.url}/kiosk`);
    await kiosk.reload();
    await kiosk.getByTestId('concern-housing').click();
    await kiosk.getByTestId('kiosk-draw').click(); // the kiosk confirms the choice first
    await expect
      .poll(async () => (await kiosk.getByTestId('ticket-number').textContent())?.trim())
      .toMatch(/^W-\d{3}$/);
    await context.close();

    const unpaired = await http(bench.server.url, 'POST', '/api/tickets', { concernId: 'housing' });
    expect(unpaired.body.error.code).toBe('DEVICE_REQUIRED');
  });

  it('a lobby screen opened with its pairing link shows calls', async () => {
    const admin = await login(bench.server.url);
    const paired = await registerDevice(bench.server.url, admin, { kind: 'screen', name: 'Wartebereich' });
    const context = await bench.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const display = await context.newPage();
    await display.goto(`${bench.server.url}${paired.body.pairingUrl}`);
    await http(bench.server.url, 'POST', '/api/tickets', { concernId: 'certificates' }, admin);
    const called = await http(bench.server.url, 'POST', '/api/counters/desk-1/call-next', undefined, admin);
    await expect
      .poll(async () => (await display.getByTestId('call-number').first().textContent())?.trim(), { timeout: 5000 })
      .toBe(called.body.ticket.number);
    await context.close();
  });
});

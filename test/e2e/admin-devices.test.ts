import { describe, expect, it } from 'vitest';
import { chromiumPerFile } from '../helpers/e2e.ts';
import { ADMIN_PASSWORD, type TestServer } from '../helpers/server.ts';

const e2e = chromiumPerFile();
let server: TestServer | undefined;

const newPage = (viewport = { width: 1440, height: 900 }) => e2e.newPage({ viewport });

describe('admin app: a lobby screen’s settings', () => {
  it('sets area, orientation, distance and language; the open screen follows at once', async () => {
    server = await e2e.server();
    const base = server.url;
    const { device, token } = await server.ctx.devices.pair('screen', 'Anzeige Wartezone');
    const screen = await newPage({ width: 1920, height: 1080 });
    await screen.goto(`${base}/display?pair=${encodeURIComponent(token)}`);
    await screen.getByTestId('board').waitFor();
    expect(await screen.getByTestId('board').getAttribute('data-orientation')).toBe('landscape');

    const admin = await newPage();
    await admin.goto(`${base}/admin#devices`);
    await admin.getByTestId('login-username').fill('admin');
    await admin.getByTestId('login-password').fill(ADMIN_PASSWORD);
    await admin.getByTestId('login-submit').click();
    await admin.getByTestId(`device-configure-${device.id}`).click();
    const dialog = admin.getByTestId('device-screen-settings');
    await dialog.waitFor();
    await admin.getByTestId('device-screen-area').selectOption('1. Stock');
    await admin.getByTestId('device-screen-orientation').selectOption('portrait');
    await admin.getByTestId('device-screen-language').selectOption('ar');
    await admin.getByTestId('device-screen-distance').fill('sechs');
    await admin.getByTestId('device-screen-save').click();
    expect(await admin.getByTestId('device-screen-error').textContent()).toContain('zwischen 0,5 und 50');
    await admin.getByTestId('device-screen-distance').fill('4,5');
    await admin.getByTestId('device-screen-save').click();
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(async () => admin.getByTestId(`device-screen-${device.id}`).textContent())
      .toContain('Hochformat · 4,5 m Abstand');

    const [stored] = await server.ctx.devices.list();
    expect(stored).toMatchObject({ area: '1. Stock', orientation: 'portrait', distanceM: 4.5, language: 'ar' });
    await expect.poll(() => screen.getByTestId('board').getAttribute('data-orientation')).toBe('portrait');
    await expect.poll(() => screen.evaluate(() => document.documentElement.lang)).toBe('ar');
    expect(await screen.getByTestId('board-area').textContent()).toBe('1. Stock');
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumPerFile } from '../helpers/e2e.ts';
import { ADMIN_PASSWORD, type TestServer } from '../helpers/server.ts';

const e2e = chromiumPerFile({ perFile: true });
let server: TestServer;

const page = (viewport: { width: number; height: number }) => e2e.newPage({ viewport });

beforeAll(async () => {
  server = await e2e.server();
});

describe('a visitor draws a ticket, a clerk calls it, the screens show it', () => {
  it('works end to end', async () => {
    const display = await page({ width: 1920, height: 1080 });
    await display.goto(`${server.url}/display`);

    const kiosk = await page({ width: 1080, height: 1920 });
    await kiosk.goto(`${server.url}/kiosk`);
    await kiosk.getByTestId('concern-housing').click();
    await kiosk.getByTestId('kiosk-draw').click(); // the kiosk confirms the choice first
    const number = (await kiosk.getByTestId('ticket-number').textContent())?.trim();
    expect(number).toMatch(/^W-\d{3}$/);

    const { body } = await fetch(`${server.url}/api/queue`).then(async (r) => ({ body: await r.json() }));
    expect(body.waiting.find((w: { concernId: string }) => w.concernId === 'housing').count).toBe(1);

    const phoneUrl = (await server.ctx.queue.day().tickets.find((t) => t.number === number))?.token;
    expect(phoneUrl).toBeTruthy();
    const phone = await page({ width: 390, height: 844 });
    await phone.goto(`${server.url}/t/${phoneUrl}`);
    await expect.poll(async () => (await phone.getByTestId('phone-number').textContent())?.trim()).toBe(number);

    const counter = await page({ width: 1280, height: 800 });
    await counter.goto(`${server.url}/counter`);
    await counter.getByTestId('login-username').fill('admin');
    await counter.getByTestId('login-password').fill(ADMIN_PASSWORD);
    await counter.getByTestId('login-submit').click();
    await counter.getByTestId('pick-counter-desk-2').click();
    await counter.getByTestId('action-call-next').click();
    await expect.poll(async () => (await counter.getByTestId('current-number').textContent())?.trim()).toBe(number);

    await expect
      .poll(async () => (await display.getByTestId('call-number').first().textContent())?.trim(), { timeout: 5000 })
      .toBe(number);
    expect(await display.getByTestId('call-counter').first().textContent()).toContain('Platz 2');

    await expect
      .poll(async () => await phone.getByTestId('phone-counter').textContent(), { timeout: 5000 })
      .toContain('Platz 2');
  });
});

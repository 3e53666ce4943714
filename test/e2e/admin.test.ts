/**
 * The admin app in a real Chromium: a new concern appears on an open kiosk without reload,
 * issues are shown next to their fields, a change by somebody else is noticed, and an office is
 * set up through the admin app alone (concern, counter, clerk account) and then works: a ticket
 * drawn for the new concern is called by the new clerk at the new counter.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { OfficeConfig } from '../../core/types.ts';
import { chromiumPerFile } from '../helpers/e2e.ts';
import { ADMIN_PASSWORD, createAccount, demoOffice, http, login, type TestServer } from '../helpers/server.ts';

const e2e = chromiumPerFile();
let server: TestServer | undefined;

const newPage = (viewport = { width: 1440, height: 900 }) => e2e.newPage({ viewport });

async function signIn(page: Page, username = 'admin', password = ADMIN_PASSWORD) {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

async function openAdmin(base: string, tab: string): Promise<Page> {
  const page = await newPage();
  await page.goto(`${base}/admin#${tab}`);
  await signIn(page);
  return page;
}

const statusOf = (page: Page) => page.getByTestId('config-status');

async function save(page: Page) {
  await page.getByTestId('config-save').click();
  await expect.poll(async () => await statusOf(page).getAttribute('data-dirty')).toBe('false');
  await expect.poll(async () => await statusOf(page).textContent()).toContain('Gespeichert');
}

describe('admin app: concerns', () => {
  it('adds a concern, warns while no counter serves it, and an open kiosk offers it once one does', async () => {
    server = await e2e.server();
    const base = server.url;

    const kiosk = await newPage({ width: 1080, height: 1920 });
    await kiosk.goto(`${base}/kiosk`);
    await kiosk.getByTestId('concern-housing').waitFor();
    await kiosk.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    expect(await kiosk.getByTestId('concern-residence').count()).toBe(0);

    const admin = await openAdmin(base, 'concerns');
    await admin.getByTestId('concern-form').waitFor();
    await admin.getByTestId('concern-add').click();
    // Focus moves to the new concern's name; the id and the letter follow the name.
    await expect
      .poll(async () => await admin.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('concern-name');
    await admin.keyboard.type('Wohnsitz anmelden');
    expect(await admin.getByTestId('concern-id').inputValue()).toBe('wohnsitz-anmelden');
    // "W" is taken by Wohngeld, so the next word's letter is suggested.
    expect(await admin.getByTestId('concern-prefix').inputValue()).toBe('A');
    await admin.getByTestId('concern-prefix').fill('');
    await admin.getByTestId('concern-id').fill('residence');
    await admin.getByTestId('concern-description').fill('Sie ziehen hierher und wollen sich anmelden.');
    await admin.getByTestId('concern-pictogram-house').check({ force: true });
    await admin.getByTestId('concern-documents').fill('Personalausweis\nWohnungsgeberbestätigung');
    await admin.getByTestId('concern-lang-en').click();
    await admin.getByTestId('concern-name-en').fill('Register your address');
    expect(await statusOf(admin).getAttribute('data-dirty')).toBe('true');

    await admin.getByTestId('config-save').click();
    await admin.getByTestId('config-issues').waitFor();
    const prefixIssue = admin.locator('#cfg-concerns-6-prefix-issues');
    await expect.poll(async () => await prefixIssue.textContent()).toContain('Ein bis drei Großbuchstaben');

    // A letter that another concern has is named next to the field, before the server is asked again.
    await admin.getByTestId('concern-prefix').fill('w');
    expect(await admin.getByTestId('concern-prefix').inputValue()).toBe('W');
    await admin.getByTestId('config-save').click();
    await expect.poll(async () => await prefixIssue.textContent()).toContain('hat schon ein anderes Anliegen');

    await admin.getByTestId('concern-prefix').fill('A');
    expect(await prefixIssue.count()).toBe(0);
    await save(admin);

    // No counter serves it yet: the admin is warned, the office info marks it, the kiosk leaves it out.
    const warning = admin.getByTestId('config-warning-CONCERN_UNSERVED');
    expect(await warning.textContent()).toContain('Kein Platz bedient „Wohnsitz anmelden“');
    expect(await admin.getByTestId('concern-served-by').textContent()).toContain('Noch kein Platz');
    const info = await http(base, 'GET', '/api/office');
    expect(info.body.concerns.find((c: { id: string }) => c.id === 'residence').unserved).toBe(true);
    expect((await http(base, 'POST', '/api/tickets', { concernId: 'residence' })).body.error.code).toBe(
      'CONCERN_UNSERVED',
    );
    await kiosk.waitForTimeout(500);
    expect(await kiosk.getByTestId('concern-residence').count()).toBe(0);

    // The warning leads to the counters; once a counter serves it, the warning goes and the kiosk offers it.
    await warning.getByRole('button').click();
    await admin.getByTestId('counter-card-0').waitFor();
    await admin.getByTestId('counter-add-concern-0').selectOption('residence');
    await admin.getByTestId('counter-add-concern-btn-0').click();
    expect(await admin.getByTestId('config-warnings').count()).toBe(0);
    await save(admin);
    await admin.getByTestId('admin-tab-concerns').click();
    await admin.getByTestId('concern-item-6').click();

    const button = kiosk.getByTestId('concern-residence');
    await button.waitFor({ timeout: 5000 });
    expect(await button.textContent()).toContain('Wohnsitz anmelden');
    expect(await kiosk.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

    const stored = server.ctx.office().concerns.find((c) => c.id === 'residence');
    expect(stored).toMatchObject({
      prefix: 'A',
      name: 'Wohnsitz anmelden',
      names: { de: 'Wohnsitz anmelden', en: 'Register your address' },
      pictogram: 'house',
      documents: ['Personalausweis', 'Wohnungsgeberbestätigung'],
    });

    // The same list, moved: the kiosk follows the new order at once.
    await admin.getByTestId('concern-up-6').click();
    await save(admin);
    const order = () =>
      kiosk
        .locator('button[data-testid^="concern-"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    await expect
      .poll(async () => {
        const list = await order();
        return list.indexOf('concern-residence') < list.indexOf('concern-online');
      })
      .toBe(true);
  });

  it('notices a change by somebody else and offers to load it', async () => {
    server = await e2e.server();
    const base = server.url;
    const admin = await openAdmin(base, 'office');
    await admin.getByTestId('office-name').waitFor();
    await admin.getByTestId('office-name').fill('Bürgeramt Mitte');

    // Another admin saves meanwhile (over the API).
    const token = await login(base);
    const current = await http<{ version: string; office: OfficeConfig }>(
      base,
      'GET',
      '/api/admin/config',
      undefined,
      token,
    );
    const changed = { ...current.body.office, retentionDays: 30 };
    const put = await http(base, 'PUT', '/api/admin/config', { office: changed, version: current.body.version }, token);
    expect(put.status).toBe(200);

    await admin.getByTestId('config-conflict').waitFor({ timeout: 5000 });
    expect(await admin.getByTestId('config-save').isDisabled()).toBe(true);
    await admin.getByTestId('config-reload').click();
    await expect.poll(async () => await admin.getByTestId('office-retention').inputValue()).toBe('30');
    expect(await admin.getByTestId('office-name').inputValue()).toBe('Sozialamt – Front Office');
    expect(await admin.getByTestId('config-conflict').count()).toBe(0);

    await admin.getByTestId('office-name').fill('Bürgeramt Mitte');
    await save(admin);
    expect(server.ctx.office()).toMatchObject({ name: 'Bürgeramt Mitte', retentionDays: 30 });
  });
});

describe('admin app: set up an office from scratch', () => {
  it('creates a concern, a counter serving it and a clerk; the clerk calls a ticket for it', async () => {
    // A bare office: one placeholder concern and counter, which the admin replaces.
    const bare: OfficeConfig = {
      ...demoOffice(),
      id: 'neu',
      name: 'Neues Amt',
      enforceOpeningHours: false,
      openingHours: { weekly: {}, closedDays: [] },
      concerns: [{ id: 'placeholder', prefix: 'X', name: 'Platzhalter' }],
      counters: [{ id: 'placeholder-desk', name: 'Platzhalter', concernIds: ['placeholder'] }],
    };
    server = await e2e.server({ office: bare });
    const base = server.url;
    const admin = await openAdmin(base, 'concerns');

    // 1. The concern.
    await admin.getByTestId('concern-add').click();
    await admin.getByTestId('concern-name').fill('Meldewesen');
    expect(await admin.getByTestId('concern-prefix').inputValue()).toBe('M');
    expect(await admin.getByTestId('concern-id').inputValue()).toBe('meldewesen');
    await admin.getByTestId('concern-pictogram-documents').check({ force: true });
    await admin.getByTestId('concern-quota').fill('40');
    // ...and the placeholder goes.
    await admin.getByTestId('concern-item-0').click();
    await admin.getByTestId('concern-remove').click();
    expect(await admin.getByTestId('confirm-dialog').textContent()).toContain('kein Anliegen');
    await admin.getByTestId('confirm-ok').click();
    expect(await admin.getByTestId('concern-name').inputValue()).toBe('Meldewesen');

    // 2. The counter, on its own page (the unsaved draft comes along).
    await admin.getByTestId('admin-tab-setup-counters').click();
    // The placeholder counter lost its only concern with it: the page says so.
    expect(await admin.getByTestId('counter-card-0').textContent()).toContain('Noch kein Anliegen');
    await admin.getByTestId('counter-add').click();
    await admin.getByTestId('counter-name-1').fill('Schalter A');
    await admin.getByTestId('counter-area-1').fill('Erdgeschoss');
    expect(await admin.getByTestId('counter-id-1').inputValue()).toBe('schalter-a');
    // A new counter starts without concerns (and the save bar says it can call nobody).
    await admin.getByTestId('config-warning-COUNTER_WITHOUT_CONCERNS').first().waitFor();
    await admin.getByTestId('counter-add-concern-btn-1').click();
    await admin.getByTestId('counter-1-concern-meldewesen').waitFor();
    await admin.getByTestId('counter-remove-0').click();
    await admin.getByTestId('confirm-ok').click();
    await admin.getByTestId('counter-0-concern-meldewesen').waitFor();

    // 3. Opening hours: Monday morning, and a closed day.
    await admin.getByTestId('admin-tab-hours').click();
    await admin.getByTestId('hours-mon-add').click();
    expect(await admin.getByTestId('hours-mon-from-0').inputValue()).toBe('09:00');
    await admin.getByTestId('closed-day-input').fill('2030-12-24');
    await admin.getByTestId('closed-day-add').click();
    await admin.getByTestId('closed-day-remove-2030-12-24').waitFor();
    await save(admin);

    const office = server.ctx.office();
    expect(office.concerns).toEqual([
      { id: 'meldewesen', prefix: 'M', name: 'Meldewesen', pictogram: 'documents', dailyQuota: 40 },
    ]);
    expect(office.counters).toEqual([
      { id: 'schalter-a', name: 'Schalter A', area: 'Erdgeschoss', concernIds: ['meldewesen'] },
    ]);
    expect(office.openingHours).toEqual({
      weekly: { mon: [{ from: '09:00', to: '12:00' }] },
      closedDays: ['2030-12-24'],
    });

    // 4. The clerk's account.
    await admin.getByTestId('admin-tab-staff').click();
    await admin.getByTestId('user-new-username').fill('m.yilmaz');
    await admin.getByTestId('user-new-password').fill('kurz');
    await admin.getByTestId('user-new-submit').click();
    expect(await admin.getByTestId('user-new-error').textContent()).toContain('mindestens 12 Zeichen');
    await admin.getByTestId('user-new-password').fill('sicher-und-lang');
    await admin.getByTestId('user-new-submit').click();
    await admin.getByTestId('user-m.yilmaz').waitFor();
    expect(await admin.getByTestId('user-role-m.yilmaz').inputValue()).toBe('clerk');

    // 5. A visitor draws a ticket; the new clerk calls it at the new counter.
    const issued = await http<{ ticket: { number: string } }>(base, 'POST', '/api/tickets', {
      concernId: 'meldewesen',
    });
    expect(issued.status).toBe(201);
    expect(issued.body.ticket.number).toBe('M-001');

    const counter = await newPage({ width: 1280, height: 800 });
    await counter.goto(`${base}/counter`);
    await signIn(counter, 'm.yilmaz', 'sicher-und-lang');
    await counter.getByTestId('pick-counter-schalter-a').click();
    await counter.getByTestId('action-call-next').click();
    await expect.poll(async () => (await counter.getByTestId('current-number').textContent())?.trim()).toBe('M-001');

    // The audit log names what happened.
    await admin.getByTestId('admin-tab-audit').click();
    await admin.getByTestId('audit-table').waitFor();
    const actions = await admin
      .locator('[data-action]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    expect(actions).toEqual(expect.arrayContaining(['config:change', 'user:create', 'counter:callNext']));
  });
});

describe('admin app: audit log', () => {
  it('opening the counters tab signs in nowhere; the log reads as German sentences, filtered by kind and account', async () => {
    server = await e2e.server();
    const base = server.url;
    const token = await login(base);
    await createAccount(base, token, { username: 'maria', password: 'maria-password-1', role: 'clerk' });
    await http(base, 'POST', '/api/tickets', { concernId: 'housing' });
    await http(base, 'POST', '/api/counters/desk-4/call-next', undefined, token);
    await http(base, 'POST', '/api/counters/desk-4/park', undefined, token);

    const admin = await openAdmin(base, 'counters');
    await admin.getByTestId('admin-counter-desk-4').waitFor();
    await expect
      .poll(async () =>
        /Geöffnet|Pause|Geschlossen/.test((await admin.getByTestId('admin-counter-desk-4').textContent()) ?? ''),
      )
      .toBe(true);
    await admin.getByTestId('admin-tab-audit').click();
    await admin.getByTestId('audit-table').waitFor();
    const texts = () => admin.getByTestId('audit-text').allTextContents();
    const all = await texts();
    expect(all.some((t) => /^admin hat an Platz 4 die Nummer W-\d+ zurückgestellt \(holt etwas\)\.$/.test(t))).toBe(
      true,
    );
    expect(all).toContain('admin hat das Konto „maria“ angelegt (Sachbearbeitung).');
    // Opening the counters tab wrote no "signed in at counter" line.
    expect(all.filter((t) => /hat sich an .+ angemeldet/.test(t))).toEqual([]);
    expect(await admin.locator('[data-action="counter:sign-in"]').count()).toBe(0);
    // No raw codes on screen; each is the tooltip of its sentence.
    expect(await admin.getByTestId('audit-table').textContent()).not.toContain('counter:park');
    expect(
      await admin.locator('[data-action="counter:park"] [data-testid="audit-text"]').getAttribute('title'),
    ).toMatch(/^Code: counter:park · desk-4 · W-\d+$/);

    await admin.getByTestId('audit-kind').selectOption('sign-in');
    await expect.poll(texts).toEqual(['admin hat sich angemeldet.', 'admin hat sich angemeldet.']);
    await admin.getByTestId('audit-kind').selectOption('');
    await admin.getByTestId('audit-account').selectOption('admin');
    await expect.poll(async () => (await texts()).length).toBe(all.length);
    expect(await admin.getByTestId('audit-csv').getAttribute('href')).toBe(
      '/api/admin/audit?limit=200&username=admin&format=csv',
    );
  });
});

describe('admin app: devices', () => {
  it('pairs a kiosk, shows its address and QR code once, and removes it', async () => {
    server = await e2e.server();
    const base = server.url;
    const admin = await openAdmin(base, 'devices');
    await admin.getByTestId('devices-empty').waitFor();
    await admin.getByTestId('device-new-name').fill('Kiosk Eingang');
    await admin.getByTestId('device-new-area').fill('Erdgeschoss');
    await admin.getByTestId('device-new-submit').click();
    await admin.getByTestId('device-paired').waitFor();
    const url = (await admin.getByTestId('device-pairing-url').textContent())?.trim() ?? '';
    expect(url).toMatch(new RegExp(`^${base}/kiosk\\?pair=`));
    expect(await admin.getByTestId('device-qr').getAttribute('data-value')).toBe(url);
    await admin.getByTestId('device-qr').locator('svg').waitFor();
    expect(await admin.getByTestId('device-paired').textContent()).toContain('nur jetzt');
    await admin.getByTestId('device-paired-done').click();

    // The key works for the device; the list shows it, but never the address again.
    const token = decodeURIComponent(new URL(url).searchParams.get('pair') ?? '');
    const [device] = await server.ctx.devices.list();
    expect(device?.name).toBe('Kiosk Eingang');
    expect((await server.ctx.devices.authenticate(token))?.id).toBe(device?.id);
    const row = admin.getByTestId(`device-${device?.id}`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Erdgeschoss');
    expect(await admin.content()).not.toContain(token);

    await admin.getByTestId(`device-remove-${device?.id}`).click();
    await admin.getByTestId('confirm-ok').click();
    await admin.getByTestId('devices-empty').waitFor();
    expect(await server.ctx.devices.authenticate(token)).toBeNull();
  });
});

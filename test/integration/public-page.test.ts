/**
 * The office's public page without JavaScript (hours, contact, concerns with their documents in
 * the HTML), its languages, escaping of every configured string, and numbers from on the way:
 * taken on the page, limited, held until the visitor confirms arrival at the kiosk.
 */
import { describe, expect, it } from 'vitest';
import type { OfficeConfig } from '../../core/types.ts';
import { parseOfficeConfig } from '../../server/office-config.ts';
import { demoOffice, http, login, type TestServer } from '../helpers/server.ts';
import { testScope } from '../helpers/scope.ts';

const scope = testScope();
let server: TestServer | undefined;

const MONDAY_10 = Date.parse('2026-11-23T09:00:00Z'); // 10:00 in Berlin, open

async function page(path: string, headers: Record<string, string> = {}): Promise<string> {
  const r = await fetch((server as TestServer).url + path, { headers });
  expect(r.status).toBe(200);
  expect(r.headers.get('content-type')).toMatch(/text\/html/);
  return r.text();
}

/** Remote numbers for housing, two a day, held until confirmed. */
function remoteOffice(): OfficeConfig {
  const o = demoOffice();
  o.enforceOpeningHours = true;
  o.remoteQuota = 2;
  for (const c of o.concerns) if (c.id === 'housing') c.remote = true;
  return o;
}

async function takeRemote(concernId: string, lang = 'de') {
  return fetch(`${(server as TestServer).url}/remote`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ concernId, lang }).toString(),
  });
}

describe('the public page without JavaScript', () => {
  it('shows hours with today first, closed days, contact and each concern with its documents', async () => {
    server = await scope.server({ clock: () => MONDAY_10 });
    const html = await page('/');
    expect(html).toContain('<html lang="de" dir="ltr">');
    expect(html).toMatch(/<tr class="today"><th scope="row">Montag \(heute\)<\/th><td dir="ltr">9:00–12:30<\/td>/);
    expect(html.indexOf('Montag (heute)')).toBeLessThan(html.indexOf('Dienstag'));
    expect(html).toContain('Jetzt geöffnet.');
    expect(html).toContain('Donnerstag, 24. Dezember');
    expect(html).toContain('0461 85-0');
    expect(html).toContain('buergerbuero@example.org');
    expect(html).toContain('Rathausplatz 1, 24937 Flensburg');
    expect(html).toContain('Wohngeld');
    expect(html).toContain('Mietvertrag');
    expect(html).toContain('href="https://www.example.org/antrag"');
    expect(html).toContain('href="/apps"');
    expect(html).not.toContain('action="/remote"'); // off in the demo
    const apps = await page('/apps');
    expect(apps).toContain('href="/kiosk"');
  });

  it('speaks six languages: ?lang= first, else Accept-Language, Arabic right to left', async () => {
    server = await scope.server({ clock: () => MONDAY_10 });
    const ar = await page('/?lang=ar');
    expect(ar).toContain('<html lang="ar" dir="rtl">');
    expect(ar).toContain('إعانة السكن');
    expect(ar).toContain('أوقات العمل');
    const tr = await page('/', { 'accept-language': 'fr;q=0.9, tr;q=0.8' });
    expect(tr).toContain('<html lang="tr"');
    expect(tr).toContain('Çalışma saatleri');
    const fallback = await page('/', { 'accept-language': 'fr' });
    expect(fallback).toContain('<html lang="de"');
    for (const lang of ['en', 'uk', 'ru']) expect(await page(`/?lang=${lang}`)).toContain(`<html lang="${lang}"`);
    expect(await page('/?lang=xx')).toContain('<html lang="de"');
  });

  it('shows the waiting now per concern with the estimate', async () => {
    server = await scope.server({ clock: () => MONDAY_10 });
    for (let i = 0; i < 3; i++) await http(server.url, 'POST', '/api/tickets', { concernId: 'housing' });
    // The figures are recomputed at most every few milliseconds under load: ask again briefly.
    const row =
      /<tr data-concern="housing"><th scope="row">Wohngeld<\/th><td class="count">3<\/td><td class="wait">etwa \d+ Minuten<\/td>/;
    let html = await page('/');
    for (let i = 0; i < 30 && !row.test(html); i++) {
      await new Promise((r) => setTimeout(r, 100));
      html = await page('/');
    }
    expect(html).toMatch(row);
  });

  it('escapes every configured string and links only to http(s) addresses', async () => {
    const o = demoOffice();
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&';
    o.name = evil;
    o.contact = { phone: evil, email: `${evil}@x`, address: evil, web: 'javascript:alert(3)' };
    const c = o.concerns[0] as OfficeConfig['concerns'][number];
    c.name = evil;
    c.names = { de: evil };
    c.description = evil;
    c.descriptions = { de: evil };
    c.documents = [evil];
    c.documentsByLanguage = {};
    c.id = 'x"><b>';
    const online = o.concerns.find((x) => x.infoUrl) as OfficeConfig['concerns'][number];
    online.infoUrl = 'javascript:alert(4)';
    server = await scope.server({ clock: () => MONDAY_10, office: o });
    const html = await page('/');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).not.toMatch(/javascript:/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;&amp;');
    // Only the page's own two script elements.
    expect(html.match(/<script/g)).toHaveLength(2);
  });
});

describe('the office contact', () => {
  it('goes out with the office info and is validated', async () => {
    server = await scope.server();
    const office = await http(server.url, 'GET', '/api/office');
    expect(office.body.contact.phone).toBe('0461 85-0');
    const base = demoOffice();
    const check = (contact: unknown) => () => parseOfficeConfig({ ...base, contact }, 'test');
    expect(check({ phone: '0'.repeat(41) })).toThrow(/contact.phone/);
    expect(check({ email: 'not an address' })).toThrow(/contact.email/);
    expect(check({ web: 'javascript:alert(1)' })).toThrow(/contact.web/);
    expect(check({ address: 'x'.repeat(201) })).toThrow(/contact.address/);
    expect(check({ phone: '0461 85-0', email: 'a@example.org', web: 'https://example.org' })).not.toThrow();
  });
});

describe('the office contact and numbers from on the way in the admin API', () => {
  it('are saved, named at their field when wrong, and shown on the page at once', async () => {
    server = await scope.server({ clock: () => MONDAY_10 });
    const admin = await login(server.url);
    const current = (await http(server.url, 'GET', '/api/admin/config', undefined, admin)).body;
    const bad = structuredClone(current.office);
    bad.contact = { phone: '1'.repeat(41), email: 'nobody' };
    const refused = await http(
      server.url,
      'PUT',
      '/api/admin/config',
      { office: bad, version: current.version },
      admin,
    );
    expect(refused.status).toBe(400);
    const paths = refused.body.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['contact.phone', 'contact.email']));

    const office = structuredClone(current.office);
    office.contact = { phone: '030 1234-5', email: 'amt@example.org' };
    office.remoteQuota = 3;
    office.remoteUnconfirmed = 'call';
    office.concerns[0].remote = true;
    const saved = await http(server.url, 'PUT', '/api/admin/config', { office, version: current.version }, admin);
    expect(saved.status).toBe(200);
    expect((await http(server.url, 'GET', '/api/office')).body.contact).toEqual({
      phone: '030 1234-5',
      email: 'amt@example.org',
    });
    const html = await page('/');
    expect(html).toContain('030 1234-5');
    expect(html).toContain(`data-testid="remote-${office.concerns[0].id}"`);
  });
});

describe('numbers from on the way', () => {
  it('are taken on the page, held until confirmed at the kiosk, then called', async () => {
    server = await scope.server({ clock: () => MONDAY_10, office: remoteOffice() });
    const admin = await login(server.url);
    const html = await page('/');
    expect(html).toContain('action="/remote"');
    expect(html).toContain('data-testid="remote-housing"');

    const taken = await takeRemote('housing', 'tr');
    expect(taken.status).toBe(303);
    const location = taken.headers.get('location') as string;
    expect(location).toMatch(/^\/t\/[\w-]{22}$/);
    const status = await http(server.url, 'GET', `/api/status/${location.slice(3)}`);
    expect(status.body.ticket).toMatchObject({ number: 'W-001', status: 'waiting', language: 'tr' });

    // Held: the clerk sees it among those not due yet; nobody else waits, yet call-next finds nobody.
    const view = await http(server.url, 'GET', '/api/counters/desk-2', undefined, admin);
    expect(view.body.next).toEqual([expect.objectContaining({ number: 'W-001', early: true })]);
    const none = await http(server.url, 'POST', '/api/counters/desk-2/call-next', undefined, admin);
    expect(none.status).toBe(200);
    expect(none.body.ticket).toBeNull();

    // A walk-in after it is called first.
    await http(server.url, 'POST', '/api/tickets', { concernId: 'housing' });
    const walkIn = await http(server.url, 'POST', '/api/counters/desk-2/call-next', undefined, admin);
    expect(walkIn.body.ticket.number).toBe('W-002');

    // Confirmed at the kiosk by typing the number.
    const wrong = await http(server.url, 'POST', '/api/tickets', { appointmentCode: 'W-009' });
    expect(wrong.status).toBe(404);
    const confirmed = await http(server.url, 'POST', '/api/tickets', { appointmentCode: 'w 1' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.ticket.number).toBe('W-001');
    const again = await http(server.url, 'POST', '/api/tickets', { appointmentCode: location.slice(3) });
    expect(again.body.ticket.number).toBe('W-001');
    const called = await http(server.url, 'POST', '/api/counters/desk-2/call-next', undefined, admin);
    expect(called.body.ticket.number).toBe('W-001');
  });

  it('with the rule "call", an unconfirmed number is called like any other', async () => {
    const o = remoteOffice();
    o.remoteUnconfirmed = 'call';
    server = await scope.server({ clock: () => MONDAY_10, office: o });
    const admin = await login(server.url);
    const taken = await http(server.url, 'POST', '/api/remote-tickets', { concernId: 'housing' });
    expect(taken.status).toBe(201);
    const called = await http(server.url, 'POST', '/api/counters/desk-2/call-next', undefined, admin);
    expect(called.body.ticket.number).toBe(taken.body.ticket.number);
  });

  it('keep to the day quota, the concerns that offer them, the opening hours and the per-client limit', async () => {
    let now = MONDAY_10;
    server = await scope.server({ clock: () => now, office: remoteOffice() });
    const notOffered = await http(server.url, 'POST', '/api/remote-tickets', { concernId: 'education' });
    expect(notOffered.body.error.code).toBe('REMOTE_NOT_OFFERED');
    expect((await takeRemote('housing')).status).toBe(303);
    expect((await takeRemote('housing')).status).toBe(303);
    const gone = await takeRemote('housing');
    expect(gone.status).toBe(409);
    expect(await gone.text()).toContain('Für heute sind alle Nummern von unterwegs vergeben.');
    expect(await page('/')).toContain('Für heute sind alle Nummern von unterwegs vergeben.');
    expect(await page('/')).not.toContain('action="/remote"');
    // Five attempts per client within ten minutes (four used above).
    expect((await takeRemote('housing')).status).toBe(409);
    const limited = await takeRemote('housing');
    expect(limited.status).toBe(429);
    now = Date.parse('2026-11-24T09:00:00Z'); // Tuesday 10:00: closed
    expect(await page('/')).not.toContain('action="/remote"');
    const bad = await fetch(`${server.url}/remote`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'concernId=',
    });
    expect(bad.status).toBe(400);
  });
});

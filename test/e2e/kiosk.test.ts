/**
 * The kiosk in a real Chromium, by touch alone, on a portrait 1080×1920 screen: every flow
 * (ticket, double tap, info-only, quota, closed, appointment check-in, reset, live update,
 * connection loss and server restart), every language (screenshots under test-results/kiosk/,
 * Arabic mirrored), the display modes, "Vorlesen", and an axe-core scan of every screen.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsQR from 'jsqr';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spokenNumber } from '../../core/announcement.ts';
import type { OfficeConfig } from '../../core/types.ts';
import { CHECKIN_MESSAGES } from '../../kiosk/checkin-messages.ts';
import { KIOSK_MESSAGES } from '../../kiosk/messages-all.ts';
import { LANGUAGE_NAMES, LANGUAGES } from '../../ui/i18n.ts';
import { launchChromium } from '../helpers/browser.ts';
import { demoOffice, http, login, removeDir, startTestServer, type TestServer } from '../helpers/server.ts';

const SHOTS = fileURLToPath(new URL('../../test-results/kiosk/', import.meta.url));
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const WIDTH = 1080;
const HEIGHT = 1920;
/** Everything to touch lies below the top third of the portrait screen. */
const TOP_THIRD = HEIGHT / 3;

/** Monday 23 November 2026, 09:30 in Berlin: open (Mon 9:00–12:30). */
const OPEN = Date.parse('2026-11-23T08:30:00Z');
/** The same Monday, 13:00 in Berlin: closed; next opening Tuesday 13:00. */
const CLOSED = Date.parse('2026-11-23T12:00:00Z');

let now = OPEN;
let office: OfficeConfig;
let server: TestServer;
let browser: Browser;
let admin: string;
const contexts: BrowserContext[] = [];
const scanned: string[] = [];

function kioskOffice(): OfficeConfig {
  const o = demoOffice();
  o.enforceOpeningHours = true;
  o.kioskResetSeconds = 120;
  const certificates = o.concerns.find((c) => c.id === 'certificates');
  if (!certificates) throw new Error('demo office without certificates');
  certificates.dailyQuota = 1;
  // Two places per housing slot: two appointments below share the 09:40 slot.
  const housing = o.concerns.find((c) => c.id === 'housing');
  if (housing) housing.slotCapacity = 2;
  return o;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  office = kioskOffice();
  server = await startTestServer({ office, clock: () => now });
  browser = await launchChromium();
  admin = await login(server.url);
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.stop();
  if (server) removeDir(server.dataDir);
});

interface KioskOptions {
  /** Appended to /kiosk, e.g. `?cursor=none`. */
  query?: string;
  /** Installs a fake speechSynthesis with voices of these locales; records what it says. */
  voices?: string[];
  /** Sets the browser's clock to the server's (for "tomorrow" and the next opening). */
  clock?: boolean;
}

/** A fresh kiosk on a portrait touch screen. */
async function openKiosk({ query = '', voices, clock = false }: KioskOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: WIDTH, height: HEIGHT },
    hasTouch: true,
    bypassCSP: true, // to inject axe-core
    reducedMotion: 'reduce',
  });
  contexts.push(context);
  if (voices) {
    await context.addInitScript((locales: string[]) => {
      const spoken: { text: string; lang: string; voice: string | undefined }[] = [];
      const list = locales.map((lang) => ({
        lang,
        name: `Test ${lang}`,
        localService: true,
        default: false,
        voiceURI: lang,
      }));
      class Utterance {
        lang = '';
        voice: { name: string } | null = null;
        rate = 1;
        onend: (() => void) | null = null;
        onerror: (() => void) | null = null;
        constructor(readonly text: string) {}
      }
      const synth = {
        speaking: false,
        pending: false,
        getVoices: () => list,
        speak(u: Utterance) {
          spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name });
          setTimeout(() => u.onend?.(), 600);
        },
        cancel() {},
        addEventListener() {},
        removeEventListener() {},
      };
      Object.assign(window, { __spoken: spoken });
      Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
      Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
    }, voices);
  }
  const page = await context.newPage();
  if (clock) await page.clock.setSystemTime(now);
  await page.goto(`${server.url}/kiosk${query}`);
  await page.getByTestId('start-screen').waitFor();
  return page;
}

const touch = (page: Page, testId: string) => page.getByTestId(testId).tap();

/** Chooses one concern and draws its ticket: the kiosk confirms the choice first. */
async function draw(page: Page, concernId: string): Promise<void> {
  await touch(page, `concern-${concernId}`);
  await page.getByTestId('confirm-screen').waitFor();
  await touch(page, 'kiosk-draw');
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** axe-core on the whole page: no serious or critical violation. */
async function scan(page: Page, label: string): Promise<void> {
  await page.waitForTimeout(150);
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document) => Promise<any> } }).axe;
    const result = await axe.run(document);
    return (result.violations as any[]).map((v) => ({
      id: v.id as string,
      impact: v.impact as string,
      nodes: (v.nodes as any[]).slice(0, 3).map((n) => (n.target as string[]).join(' ')),
    }));
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad, `axe on ${label}`).toEqual([]);
  scanned.push(label);
}

async function waiting(concernId: string): Promise<number> {
  const answer = await http<{ waiting: { concernId: string; count: number }[] }>(server.url, 'GET', '/api/queue');
  return answer.body.waiting.find((w) => w.concernId === concernId)?.count ?? 0;
}

async function totalWaiting(): Promise<number> {
  const answer = await http<{ waiting: { count: number }[] }>(server.url, 'GET', '/api/queue');
  return answer.body.waiting.reduce((sum, w) => sum + w.count, 0);
}

/** Reads the QR code shown in an element from a screenshot of it. */
async function readQr(page: Page, testId: string): Promise<string | undefined> {
  const png = PNG.sync.read(await page.getByTestId(testId).screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

async function box(page: Page, testId: string) {
  const b = await page.getByTestId(testId).first().boundingBox();
  if (!b) throw new Error(`${testId} is not visible`);
  return b;
}

/** WCAG contrast ratio between an element's text colour and the background of `backgroundOf`. */
async function contrast(page: Page, testId: string, backgroundTestId: string): Promise<number> {
  const [fg, bg] = await page.evaluate(
    ([a, b]) => {
      const color = (el: Element | null, prop: 'color' | 'backgroundColor') =>
        el ? getComputedStyle(el)[prop] : 'rgb(0, 0, 0)';
      const fore = color(document.querySelector(`[data-testid="${a}"]`), 'color');
      let el: Element | null = document.querySelector(`[data-testid="${b}"]`);
      let back = color(el, 'backgroundColor');
      while (el && /rgba\(.*, 0\)|transparent/.test(back)) {
        el = el.parentElement;
        back = el ? color(el, 'backgroundColor') : 'rgb(255, 255, 255)';
      }
      return [fore, back];
    },
    [testId, backgroundTestId],
  );
  const luminance = (rgb: string) => {
    const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  };
  const [hi, lo] = [luminance(fg), luminance(bg)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Every button on screen is far above 44×44 px and lies in the lower two thirds. */
async function expectReachable(page: Page, minSide = 66): Promise<void> {
  const boxes = await page.evaluate(() =>
    [...document.querySelectorAll('main button')].map((b) => {
      const r = b.getBoundingClientRect();
      return { id: b.getAttribute('data-testid') ?? b.textContent, top: r.top, width: r.width, height: r.height };
    }),
  );
  expect(boxes.length).toBeGreaterThan(0);
  for (const b of boxes) {
    expect(b.top, `${b.id} below the top third`).toBeGreaterThanOrEqual(TOP_THIRD - 1);
    expect(Math.min(b.width, b.height), `${b.id} touch target`).toBeGreaterThanOrEqual(minSide);
  }
}

describe('kiosk: start screen', () => {
  it('shows the concerns as big buttons with pictogram, name and one line, all reachable from a wheelchair', async () => {
    const page = await openKiosk();
    for (const concern of office.concerns) {
      const button = page.getByTestId(`concern-${concern.id}`);
      await expect.poll(() => button.locator('.concern-name').textContent()).toBe(concern.names?.de ?? concern.name);
      expect(await button.locator('.concern-desc').textContent()).toBe(concern.descriptions?.de ?? concern.description);
      expect(await button.locator('svg').count()).toBe(1);
    }
    expect(await page.getByTestId('appointment').textContent()).toContain('Ich habe einen Termin');
    await expectReachable(page);
    // Concern buttons are much larger than the minimum.
    const housing = await box(page, 'concern-housing');
    expect(housing.height).toBeGreaterThan(150);
    expect(housing.width).toBeGreaterThan(400);
    await shot(page, 'start-de');
    await scan(page, 'start (de)');
  });

  it('is hardened: no selection, no context menu, no zoom, and a cursor-less mode', async () => {
    const page = await openKiosk({ query: '?cursor=none' });
    const facts = await page.evaluate(() => {
      const target = document.querySelector('[data-testid="concern-housing"]') as HTMLElement;
      const fire = (type: string) => {
        const event = new Event(type, { bubbles: true, cancelable: true });
        target.dispatchEvent(event);
        return event.defaultPrevented;
      };
      const wheel = new WheelEvent('wheel', { bubbles: true, cancelable: true, ctrlKey: true, deltaY: -100 });
      target.dispatchEvent(wheel);
      return {
        viewport: document.querySelector('meta[name="viewport"]')?.getAttribute('content'),
        touchAction: getComputedStyle(document.documentElement).touchAction,
        userSelect: getComputedStyle(document.body).userSelect,
        contextMenuBlocked: fire('contextmenu'),
        selectBlocked: fire('selectstart'),
        ctrlWheelBlocked: wheel.defaultPrevented,
        cursorNone: document.documentElement.classList.contains('no-cursor'),
        buttonCursor: getComputedStyle(target).cursor,
      };
    });
    expect(facts).toMatchObject({
      touchAction: 'pan-x pan-y',
      userSelect: 'none',
      contextMenuBlocked: true,
      selectBlocked: true,
      ctrlWheelBlocked: true,
      cursorNone: true,
      buttonCursor: 'none',
    });
    expect(facts.viewport).toContain('width=device-width');
    expect(facts.viewport).not.toContain('user-scalable=no');
  });
});

describe('kiosk: languages', () => {
  it('has every text in every catalogue', () => {
    for (const lang of LANGUAGES) {
      for (const key of Object.keys(KIOSK_MESSAGES.de)) {
        expect(KIOSK_MESSAGES[lang][key as keyof (typeof KIOSK_MESSAGES)['de']], `${lang}.${key}`).toBeTruthy();
      }
      for (const key of Object.keys(CHECKIN_MESSAGES.de)) {
        expect(CHECKIN_MESSAGES[lang][key as keyof (typeof CHECKIN_MESSAGES)['de']], `${lang}.${key}`).toBeTruthy();
      }
    }
  });

  it('renders each of the six languages, names each in its own script, and mirrors Arabic', async () => {
    const page = await openKiosk();
    for (const lang of LANGUAGES) {
      expect(await page.getByTestId(`lang-${lang}`).textContent()).toBe(LANGUAGE_NAMES[lang]);
    }
    for (const lang of LANGUAGES) {
      await touch(page, `lang-${lang}`);
      const t = KIOSK_MESSAGES[lang];
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
      // The other languages' texts come as their own chunk a moment after start.
      await expect.poll(() => page.locator('h1.welcome').textContent()).toBe(t.welcome);
      expect(await page.locator('.instruction').textContent()).toBe(t.chooseConcern);
      expect(await page.getByTestId('appointment').locator('.concern-name').textContent()).toBe(t.appointment);
      const housing = office.concerns.find((c) => c.id === 'housing');
      expect(await page.getByTestId('concern-housing').locator('.concern-name').textContent()).toBe(
        housing?.names?.[lang],
      );
      expect(await page.getByTestId(`lang-${lang}`).getAttribute('aria-pressed')).toBe('true');
      expect(await page.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      await shot(page, `start-${lang}`);
    }
    // Arabic: the whole layout mirrored.
    await touch(page, 'lang-ar');
    const first = await box(page, `concern-${office.concerns[0]?.id}`);
    const second = await box(page, `concern-${office.concerns[1]?.id}`);
    expect(first.x).toBeGreaterThan(second.x);
    expect((await box(page, 'lang-de')).x).toBeGreaterThan((await box(page, 'lang-en')).x);
    const icon = await page.getByTestId('concern-housing').locator('svg').boundingBox();
    const name = await page.getByTestId('concern-housing').locator('.concern-name').boundingBox();
    expect(icon && name && icon.x > name.x).toBe(true);
    await scan(page, 'start (ar)');
    await touch(page, 'lang-de');
  });
});

describe('kiosk: a ticket by touch', () => {
  it('shows the number very large, people ahead, the wait, the documents and the QR code; Fertig goes back', async () => {
    const page = await openKiosk();
    const before = await waiting('housing');
    await draw(page, 'housing');
    const number = page.getByTestId('ticket-number');
    await number.waitFor();
    expect((await number.textContent())?.trim()).toMatch(/^W-\d{3}$/);
    const size = await number.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThan(200);
    expect(await contrast(page, 'ticket-number', 'ticket-number')).toBeGreaterThanOrEqual(7);
    expect(await page.getByTestId('ticket-ahead').textContent()).toMatch(/Vor Ihnen/);
    expect(await page.getByTestId('ticket-wait').textContent()).toMatch(/Sie /);
    expect(await page.getByTestId('ticket-documents').textContent()).toContain('Mietvertrag');
    expect(await page.getByTestId('ticket-print').count()).toBe(1);
    // The QR code on screen is the visitor's phone page.
    const shown = (await number.textContent())?.trim();
    const ticket = server.ctx.queue.day().tickets.find((t) => t.number === shown);
    expect(ticket).toBeTruthy();
    const phoneUrl = `${server.url}/t/${ticket?.token}`;
    expect(await page.getByTestId('ticket-qr').getAttribute('data-value')).toBe(phoneUrl);
    expect(await readQr(page, 'ticket-qr')).toBe(phoneUrl);
    expect(await waiting('housing')).toBe(before + 1);
    expect((await box(page, 'kiosk-done')).y).toBeGreaterThan(TOP_THIRD);
    await shot(page, 'ticket-de');
    await scan(page, 'ticket');
    await touch(page, 'kiosk-done');
    await page.getByTestId('start-screen').waitFor();
  });

  it('gives one ticket for a double or triple tap', async () => {
    const page = await openKiosk();
    const before = await waiting('education');
    // A triple tap on the concern chooses it once: the touches landing on the confirmation do nothing ...
    await page.getByTestId('concern-education').click({ clickCount: 3, delay: 30 });
    await page.getByTestId('confirm-screen').waitFor();
    expect(await page.getByTestId('chosen-concerns').locator('li').count()).toBe(1);
    // ... and a triple tap on "Ticket ziehen" draws one ticket.
    await page.getByTestId('kiosk-draw').click({ clickCount: 3, delay: 30 });
    await page.getByTestId('ticket-screen').waitFor();
    expect(await waiting('education')).toBe(before + 1);
    await touch(page, 'kiosk-done');
    // Three touches within one task, before the screen can even change.
    for (const testId of ['concern-education', 'kiosk-draw']) {
      await page.getByTestId(testId).waitFor();
      await page.evaluate((id) => {
        const button = document.querySelector(`[data-testid="${id}"]`) as HTMLButtonElement;
        button.click();
        button.click();
        button.click();
      }, testId);
    }
    await page.getByTestId('ticket-screen').waitFor();
    expect(await waiting('education')).toBe(before + 2);
  });

  it('repeats a request whose answer was lost with the same key: still one ticket', async () => {
    const page = await openKiosk();
    const before = await waiting('subsistence');
    const bodies: { idempotencyKey: string }[] = [];
    await page.route('**/api/tickets', async (route) => {
      bodies.push(route.request().postDataJSON());
      if (bodies.length === 1) {
        await route.fetch(); // the server makes the ticket ...
        await route.abort('connectionreset'); // ... but the kiosk never hears of it
        return;
      }
      await route.continue();
    });
    await draw(page, 'subsistence');
    await page.getByTestId('ticket-screen').waitFor({ timeout: 15_000 });
    expect(bodies.length).toBeGreaterThanOrEqual(2);
    expect(new Set(bodies.map((b) => b.idempotencyKey)).size).toBe(1);
    expect(await waiting('subsistence')).toBe(before + 1);
  });
});

describe('kiosk: no ticket, explained', () => {
  it('shows the online form of an info-only concern as a QR code, and gives no ticket', async () => {
    const page = await openKiosk();
    const before = await totalWaiting();
    const online = office.concerns.find((c) => c.infoUrl);
    if (!online?.infoUrl) throw new Error('demo office without info-only concern');
    await touch(page, `concern-${online.id}`);
    await page.getByTestId('info-screen').waitFor();
    expect(await page.locator('h1').textContent()).toBe(KIOSK_MESSAGES.de.infoTitle);
    expect(await page.getByTestId('info-qr').getAttribute('data-value')).toBe(online.infoUrl);
    expect(await readQr(page, 'info-qr')).toBe(online.infoUrl);
    expect(await totalWaiting()).toBe(before);
    await expectReachable(page);
    await shot(page, 'info');
    await scan(page, 'info');
    await touch(page, 'kiosk-back');
    await page.getByTestId('start-screen').waitFor();
  });

  it('says "no more tickets today" when the daily quota of a concern is reached', async () => {
    const page = await openKiosk();
    await draw(page, 'certificates'); // quota 1: this one is the last
    await page.getByTestId('ticket-screen').waitFor();
    await touch(page, 'kiosk-done');
    await draw(page, 'certificates');
    const notice = page.getByTestId('kiosk-message');
    await notice.waitFor();
    expect(await notice.getAttribute('data-kind')).toBe('quota');
    expect(await page.locator('h1').textContent()).toBe(KIOSK_MESSAGES.de.quotaTitle);
    expect(await page.locator('.notice-text').first().textContent()).toBe(KIOSK_MESSAGES.de.quotaText);
    await expectReachable(page);
    await shot(page, 'quota');
    await scan(page, 'quota');
  });

  it('shows a closed screen with the next opening outside opening hours', async () => {
    now = CLOSED;
    try {
      const page = await openKiosk({ clock: true });
      await draw(page, 'housing');
      const notice = page.getByTestId('kiosk-message');
      await notice.waitFor();
      expect(await notice.getAttribute('data-kind')).toBe('closed');
      expect(await page.locator('h1').textContent()).toBe(KIOSK_MESSAGES.de.closedTitle);
      const next = await page.getByTestId('next-opening').textContent();
      expect(next).toContain('Dienstag, 24. November');
      expect(next).toContain('13:00');
      expect(await page.locator('.hours-line').count()).toBe(3);
      await expectReachable(page);
      await shot(page, 'closed');
      await scan(page, 'closed');
      // The same in Arabic, right to left.
      await touch(page, 'kiosk-back');
      await touch(page, 'lang-ar');
      await draw(page, 'housing');
      await notice.waitFor();
      expect(await page.locator('h1').textContent()).toBe(KIOSK_MESSAGES.ar.closedTitle);
      await shot(page, 'closed-ar');
      await scan(page, 'closed (ar)');
    } finally {
      now = OPEN;
    }
  });
});

describe('kiosk: appointment check-in', () => {
  const book = async (code: string, start: string) => {
    const answer = await http(server.url, 'POST', '/api/appointments', { code, concernId: 'housing', start }, admin);
    expect(answer.status).toBe(201);
  };

  beforeAll(async () => {
    await book('4711', '2026-11-23T08:45:00Z'); // 09:45: on time
    await book('5522', '2026-11-23T08:00:00Z'); // 09:00: 30 minutes late
    await book('6633', '2026-11-23T11:00:00Z'); // 12:00: too early before 11:00
    await book('8855', '2026-11-24T13:00:00Z'); // tomorrow 14:00
    now = Date.parse('2026-11-19T07:00:00Z'); // booked last Thursday for the same day
    try {
      await book('7744', '2026-11-19T09:00:00Z'); // last Thursday 10:00
    } finally {
      now = OPEN;
    }
    await book('T-2002', '2026-11-23T08:40:00Z'); // 09:40, from a scanner
  });

  async function enter(page: Page, code: string): Promise<void> {
    await touch(page, 'appointment');
    await page.getByTestId('checkin-screen').waitFor();
    for (const digit of code) await touch(page, `key-${digit}`);
    expect(await page.getByTestId('checkin-code').textContent()).toBe(code);
    await touch(page, 'key-ok');
  }

  async function refused(page: Page, reason: string): Promise<string> {
    const screen = page.getByTestId('checkin-refused');
    await screen.waitFor();
    expect(await screen.getAttribute('data-reason')).toBe(reason);
    return (await page.getByTestId('checkin-refused-text').textContent()) ?? '';
  }

  it('checks in with the keypad: a ticket for the appointment, on time', async () => {
    const page = await openKiosk();
    const before = await waiting('housing');
    await touch(page, 'appointment');
    await page.getByTestId('checkin-screen').waitFor();
    expect(await page.locator('h1').textContent()).toBe(CHECKIN_MESSAGES.de.title);
    // Keys far above 44 px, the whole keypad in the lower two thirds.
    await expectReachable(page, 100);
    for (const key of ['key-4', 'key-7', 'key-1', 'key-2']) await touch(page, key);
    await touch(page, 'key-delete');
    await touch(page, 'key-1');
    expect(await page.getByTestId('checkin-code').textContent()).toBe('4711');
    await shot(page, 'checkin-keypad');
    await scan(page, 'check-in keypad');
    await touch(page, 'key-ok');
    await page.getByTestId('ticket-screen').waitFor();
    const note = page.getByTestId('ticket-appointment');
    expect(await note.getAttribute('data-late')).toBe('false');
    expect(await note.textContent()).toBe('Sie sind für Ihren Termin um 9:45 Uhr angemeldet.');
    expect(await waiting('housing')).toBe(before + 1);
    await shot(page, 'ticket-appointment');
    await scan(page, 'ticket (appointment)');
  });

  it('tells a late visitor plainly that they wait like everybody else', async () => {
    const page = await openKiosk();
    await enter(page, '5522');
    const note = page.getByTestId('ticket-appointment');
    await note.waitFor();
    expect(await note.getAttribute('data-late')).toBe('true');
    expect(await note.textContent()).toBe(
      'Ihr Termin war um 9:00 Uhr. Sie sind zu spät. Darum warten Sie jetzt wie alle anderen.',
    );
    await shot(page, 'ticket-late');
  });

  it('explains too early (with the time from which check-in works), unknown, used and another day', async () => {
    const page = await openKiosk({ clock: true });
    await enter(page, '6633');
    expect(await refused(page, 'early')).toBe('Ihr Termin: 12:00 Uhr. Sie können sich ab 11:00 Uhr anmelden.');
    expect(await page.locator('h1').textContent()).toBe(CHECKIN_MESSAGES.de.earlyTitle);
    await expectReachable(page);
    await shot(page, 'checkin-early');
    await scan(page, 'check-in too early');
    await touch(page, 'kiosk-back');

    await enter(page, '8855');
    expect(await refused(page, 'early')).toBe(
      'Ihr Termin: Dienstag, 24. November, 14:00 Uhr. Sie können sich ab Dienstag, 24. November, 13:00 Uhr anmelden.',
    );
    await touch(page, 'kiosk-back');

    await enter(page, '999');
    expect(await refused(page, 'unknown')).toBe(CHECKIN_MESSAGES.de.unknownText);
    await shot(page, 'checkin-unknown');
    await scan(page, 'check-in unknown code');
    await touch(page, 'checkin-again'); // straight back to an empty keypad
    await page.getByTestId('checkin-screen').waitFor();
    expect(await page.getByTestId('checkin-code').textContent()).toBe('');
    await touch(page, 'kiosk-back');

    await enter(page, '4711');
    expect(await refused(page, 'used')).toBe(CHECKIN_MESSAGES.de.usedText);
    await scan(page, 'check-in used code');
    await touch(page, 'kiosk-back');

    await enter(page, '7744');
    expect(await refused(page, 'expired')).toBe(CHECKIN_MESSAGES.de.expiredText);
    await scan(page, 'check-in another day');
  });

  it('takes a code from a scanner that types like a keyboard, letters and "-" included', async () => {
    const page = await openKiosk();
    const before = await waiting('housing');
    await page.keyboard.type('T-2002', { delay: 15 });
    await page.keyboard.press('Enter');
    await page.getByTestId('ticket-screen').waitFor();
    expect(await page.getByTestId('ticket-appointment').getAttribute('data-late')).toBe('false');
    expect(await waiting('housing')).toBe(before + 1);
  });

  it('speaks all six languages, the keypad left to right everywhere', async () => {
    const page = await openKiosk();
    for (const lang of LANGUAGES) {
      await touch(page, `lang-${lang}`);
      await touch(page, 'appointment');
      await page.getByTestId('checkin-screen').waitFor();
      expect(await page.locator('h1').textContent()).toBe(CHECKIN_MESSAGES[lang].title);
      expect(await page.getByTestId('key-ok').textContent()).toBe(CHECKIN_MESSAGES[lang].confirm);
      expect(await page.locator('.keypad').getAttribute('dir')).toBe('ltr');
      expect((await box(page, 'key-1')).x).toBeLessThan((await box(page, 'key-3')).x);
      if (lang === 'ar') {
        await shot(page, 'checkin-keypad-ar');
        await scan(page, 'check-in keypad (ar)');
        await touch(page, 'key-9');
        await touch(page, 'key-ok');
        await refused(page, 'unknown');
        expect(await page.locator('h1').textContent()).toBe(CHECKIN_MESSAGES.ar.unknownTitle);
        await shot(page, 'checkin-unknown-ar');
        await scan(page, 'check-in unknown code (ar)');
      }
      await touch(page, 'kiosk-back');
      await page.getByTestId('start-screen').waitFor();
    }
  });
});

describe('kiosk: accessibility modes', () => {
  it('has a large-text and a high-contrast mode, both clean for axe, both reset for the next visitor', async () => {
    const page = await openKiosk();
    const rootSize = () => page.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).fontSize));
    const normal = await rootSize();
    await touch(page, 'large-text');
    expect(await page.getByTestId('large-text').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(rootSize).toBeGreaterThan(normal * 1.2);
    await expectReachable(page);
    await shot(page, 'start-large-text');
    await scan(page, 'large text');
    await touch(page, 'large-text');

    await touch(page, 'high-contrast');
    expect(await page.locator('html').getAttribute('class')).toContain('high-contrast');
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 0, 0)');
    await shot(page, 'start-high-contrast');
    await scan(page, 'high contrast (start)');
    await touch(page, 'large-text');
    await scan(page, 'high contrast + large text');
    await draw(page, 'documents');
    await page.getByTestId('ticket-screen').waitFor();
    expect(await contrast(page, 'ticket-number', 'ticket-number')).toBeGreaterThanOrEqual(7);
    await shot(page, 'ticket-high-contrast');
    await scan(page, 'high contrast (ticket)');
    await touch(page, 'kiosk-done');
    await page.getByTestId('start-screen').waitFor();
    expect(await page.locator('html').getAttribute('class')).not.toMatch(/high-contrast|large-text/);
  });

  it('reads the screen aloud in the chosen language, only with a voice of that language', async () => {
    // Headless Chromium here has no voices: then there is no button at all.
    const silent = await openKiosk();
    if ((await silent.evaluate(() => speechSynthesis.getVoices().length)) === 0) {
      expect(await silent.getByTestId('read-aloud').count()).toBe(0);
    }

    const page = await openKiosk({ voices: ['de-DE', 'en-GB', 'ar-SA'] });
    const spoken = () =>
      page.evaluate(
        () => (window as unknown as { __spoken: { text: string; lang: string; voice: string }[] }).__spoken,
      );
    const button = page.getByTestId('read-aloud');
    expect((await box(page, 'read-aloud')).y).toBeGreaterThan(TOP_THIRD);
    await touch(page, 'read-aloud');
    expect(await button.textContent()).toContain(KIOSK_MESSAGES.de.stopReading);
    await expect.poll(() => button.textContent(), { timeout: 5000 }).toContain(KIOSK_MESSAGES.de.readAloud);
    const german = await spoken();
    expect(german[0]).toMatchObject({ text: 'Willkommen.', lang: 'de-DE', voice: 'Test de-DE' });
    expect(german.map((s) => s.text).join(' ')).toContain('Wohngeld');
    await scan(page, 'start with "Vorlesen"');

    await touch(page, 'lang-tr'); // no Turkish voice: disabled, and it says why
    expect(await button.isDisabled()).toBe(true);
    expect(await page.getByTestId('read-aloud-none').textContent()).toBe(KIOSK_MESSAGES.tr.noVoice);

    await touch(page, 'lang-ar');
    await touch(page, 'read-aloud');
    await expect.poll(async () => (await spoken()).some((s) => s.lang === 'ar' && s.voice === 'Test ar-SA')).toBe(true);
    await scan(page, 'start with "Vorlesen" (ar)');

    await touch(page, 'lang-de');
    await draw(page, 'housing');
    const number = (await page.getByTestId('ticket-number').textContent())?.trim() ?? '';
    await touch(page, 'read-aloud');
    const said = spokenNumber(number, 'de');
    await expect
      .poll(async () => (await spoken()).map((s) => s.text).join(' '))
      .toContain(`Ihre Nummer: ${said}. ${(await page.getByTestId('ticket-concern').textContent())?.trim()}.`);
    await scan(page, 'ticket with "Vorlesen"');
  });
});

describe('kiosk: live updates and reset', () => {
  it('shows changed concerns at once, and returns to the German start screen after kioskResetSeconds', async () => {
    const page = await openKiosk();
    const current = await http<{ version: string; office: OfficeConfig }>(
      server.url,
      'GET',
      '/api/admin/config',
      undefined,
      admin,
    );
    const next = structuredClone(current.body.office);
    next.kioskResetSeconds = 5;
    const housing = next.concerns.find((c) => c.id === 'housing');
    if (!housing?.names) throw new Error('demo office changed');
    housing.names.de = 'Wohngeld und Lastenzuschuss';
    next.concerns.push({
      id: 'passport',
      prefix: 'P',
      name: 'Pass und Ausweis',
      description: 'Sie brauchen einen neuen Pass oder Ausweis.',
      pictogram: 'documents',
      documents: ['Altes Dokument', 'Ein Foto'],
    } as OfficeConfig['concerns'][number]);
    next.counters[0]?.concernIds.push('passport');
    const put = await http(
      server.url,
      'PUT',
      '/api/admin/config',
      { office: next, version: current.body.version },
      admin,
    );
    expect(put.status).toBe(200);
    office = next;
    // office:updated over socket.io: no reload.
    await expect
      .poll(() => page.getByTestId('concern-housing').locator('.concern-name').textContent(), { timeout: 5000 })
      .toBe('Wohngeld und Lastenzuschuss');
    await page.getByTestId('concern-passport').waitFor();

    await touch(page, 'lang-en');
    await draw(page, 'passport');
    await page.getByTestId('ticket-screen').waitFor();
    expect((await page.getByTestId('ticket-number').textContent())?.trim()).toMatch(/^P-\d{3}$/);
    const left = Date.now();
    await page.getByTestId('start-screen').waitFor({ timeout: 10_000 });
    expect(Date.now() - left).toBeGreaterThan(3500);
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    expect(await page.locator('h1.welcome').textContent()).toBe(KIOSK_MESSAGES.de.welcome);
  });
});

describe('kiosk: connection loss', () => {
  it('says "Einen Moment, bitte" while the server is away and recovers by itself after a restart', async () => {
    const page = await openKiosk();
    await draw(page, 'housing');
    const last = (await page.getByTestId('ticket-number').textContent())?.trim() ?? '';
    await touch(page, 'kiosk-done');
    await page.getByTestId('start-screen').waitFor();

    const { port, dataDir } = server;
    await server.stop();
    const overlay = page.getByTestId('kiosk-offline');
    await overlay.waitFor({ timeout: 15_000 });
    expect(await overlay.textContent()).toContain(KIOSK_MESSAGES.de.waitTitle);
    await shot(page, 'offline');
    await scan(page, 'offline');

    server = await startTestServer({ dataDir, port, office, clock: () => now });
    await overlay.waitFor({ state: 'detached', timeout: 20_000 });
    await draw(page, 'housing');
    const number = (await page.getByTestId('ticket-number').textContent())?.trim() ?? '';
    // Same data folder: the numbering goes on.
    expect(Number(number.slice(2))).toBe(Number(last.slice(2)) + 1);
  });

  it('scanned every screen', () => {
    for (const screen of [
      'start (de)',
      'start (ar)',
      'ticket',
      'info',
      'closed',
      'quota',
      'check-in keypad',
      'check-in too early',
      'check-in unknown code',
      'check-in used code',
      'check-in another day',
      'large text',
      'high contrast (start)',
      'high contrast (ticket)',
      'offline',
    ]) {
      expect(scanned).toContain(screen);
    }
  });
});

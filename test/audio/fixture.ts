/** Shared parts of the audio tests: a headful Chromium in the sound setup, an office, a clerk. */
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TicketView } from '../../core/api.ts';
import type { OfficeConfig } from '../../core/types.ts';
import type { AnnouncementRecord } from '../../display/announcer.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../helpers/browser.ts';
import { demoOffice, http, login } from '../helpers/server.ts';
import { announcements, describe as describeSegments, type Heard, readSamples, segments } from './analyse.ts';
import type { Recording, SoundEnv } from './sound-env.ts';

/**
 * A headful Chromium on the setup's X server, its sound going to the null sink. With `voices`,
 * Chromium starts speech-dispatcher, which takes several seconds to list its voices on a busy
 * machine: this waits (bounded) until a page sees German voices.
 */
export async function launchHeadful(env: SoundEnv, options: { voices: boolean }): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: false,
    env: { ...env.env },
    args: [...CHROMIUM_ARGS, ...(options.voices ? ['--enable-speech-dispatcher'] : []), '--window-size=1280,800'],
  });
  if (options.voices) {
    const page = await browser.newPage();
    try {
      await page.goto('about:blank');
      await page.waitForFunction(() => speechSynthesis.getVoices().some((v) => v.lang.startsWith('de')), undefined, {
        timeout: 60_000,
        polling: 500,
      });
    } finally {
      await page.close();
    }
  }
  return browser;
}

/**
 * Five counters whose spoken names grow by several words each: their announcements get longer in
 * this order, so the order of the calls can be read from the recording.
 */
export const SPOKEN_NAMES = [
  'eins',
  'Platz zwei am Fenster',
  'Zimmer drei im Erdgeschoss links neben dem Eingang',
  'Zimmer vier im ersten Stock gleich rechts neben der Treppe, gegenüber dem Aufzug und der großen Wartezone',
  'Zimmer fünf im zweiten Stock am Ende des langen Flurs hinter der großen Glastür mit dem Schild Bürgerbüro, dort bitte klingeln und kurz warten',
];

export function audioOffice(): OfficeConfig {
  const office = demoOffice();
  const concernIds = office.concerns.filter((c) => !c.infoUrl).map((c) => c.id);
  office.counters = SPOKEN_NAMES.map((spokenName, i) => ({
    id: `room-${i + 1}`,
    name: `Zimmer ${i + 1}`,
    spokenName,
    concernIds,
  }));
  office.announcements = { language: 'de', templates: { de: 'Nummer {number}, bitte zu {counter}.' } };
  return office;
}

export async function clerk(base: string) {
  const token = await login(base);
  const act = async (counterId: string, action: string) => {
    const r = await http<{ ticket: TicketView | null }>(
      base,
      'POST',
      `/api/counters/${counterId}/${action}`,
      undefined,
      token,
    );
    expect(r.status).toBe(200);
    return r.body.ticket as TicketView;
  };
  return {
    async issue(concernId = 'housing', language = 'de'): Promise<TicketView> {
      const r = await http<{ ticket: TicketView }>(base, 'POST', '/api/tickets', { concernId, language });
      expect(r.status).toBe(201);
      return r.body.ticket;
    },
    callNext: (counterId: string) => act(counterId, 'call-next'),
    recall: (counterId: string) => act(counterId, 'recall'),
    complete: (counterId: string) => act(counterId, 'complete'),
  };
}

/** Opens the lobby screen and waits until it has joined (its board is shown). */
export async function openScreen(browser: Browser, base: string, query = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${base}/display${query}`);
  await page.getByTestId('board').waitFor({ timeout: 20_000 });
  return page;
}

/**
 * Waits until the screen has played `count` announcements (its log: for pacing only; what was
 * heard is judged from the recording), then a little longer for the sound to fade.
 */
export async function played(page: Page, count: number, ms = 120_000): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(
          () => (window.__lotseAnnouncementLog ?? []).filter((r: AnnouncementRecord) => r.endedAt !== undefined).length,
        ),
      { timeout: ms, interval: 500 },
    )
    .toBeGreaterThanOrEqual(count);
  await page.waitForTimeout(1500);
}

export interface Listened {
  heard: Heard[];
  speechWithoutGong: number;
  /** For failure messages: every segment found. */
  trace: string;
}

/** Stops the recording and tells what it holds. */
export async function listen(recording: Recording): Promise<Listened> {
  const path = await recording.stop();
  const found = segments(readSamples(path));
  const { heard, speechWithoutGong } = announcements(found);
  return { heard, speechWithoutGong: speechWithoutGong.length, trace: `${path}: ${describeSegments(found)}` };
}

/**
 * Each announcement is a gong followed by speech: at least `minSpeech` seconds of it, starting
 * after the gong began and before the next announcement's gong.
 */
export function expectGongThenSpeech(listened: Listened, count: number, minSpeech = 0.8): void {
  const { heard, trace } = listened;
  expect(heard.length, trace).toBe(count);
  expect(listened.speechWithoutGong, trace).toBe(0);
  heard.forEach((h, i) => {
    expect(h.speech, `announcement ${i + 1} has speech; ${trace}`).toBeGreaterThanOrEqual(minSpeech);
    expect(h.speechStart as number, trace).toBeGreaterThan(h.gongStart);
    const next = heard[i + 1];
    // One after another: the speech has ended, with a pause, before the next gong.
    if (next) expect(next.gongStart - (h.speechEnd as number), trace).toBeGreaterThanOrEqual(0.2);
  });
}

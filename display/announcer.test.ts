import { describe, expect, it, vi } from 'vitest';
import { Announcer, announcementText, DEFAULT_TEMPLATES, type SpeechOutcome, voiceCandidates } from './announcer.ts';
import { fakeTimersInEachTest, office } from './test-fixtures.ts';

const item = (seq: number, text = `Nummer ${seq}`) => ({ seq, text, language: 'de' as const, recall: false });

fakeTimersInEachTest();

describe('announcementText', () => {
  it("given the office's wording, then the number is spoken as a waiting room expects it", () => {
    expect(announcementText(office(), { number: 'W-017', counterName: 'Platz 3' })).toBe(
      'Nummer W siebzehn, bitte zu Platz 3.',
    );
    expect(announcementText(office(), { number: 'W-017', counterName: 'Platz 3' }, 'en')).toBe(
      'Number W 17, please go to Platz 3.',
    );
  });

  it('given a language the office has no wording for, then the built-in wording of that language', () => {
    expect(announcementText(office(), { number: 'B-005', counterName: 'Platz 1' }, 'tr')).toBe(
      'Numara B 5, lütfen Platz 1.',
    );
    expect(Object.keys(DEFAULT_TEMPLATES).sort()).toEqual(['ar', 'de', 'en', 'ru', 'tr', 'uk']);
  });
});

describe('voiceCandidates', () => {
  it('given voices, then local voices of the exact locale first and online voices last', () => {
    const voices = [
      { name: 'online-de', lang: 'de-DE', localService: false },
      { name: 'local-at', lang: 'de_AT', localService: true },
      { name: 'local-de', lang: 'de-DE', localService: true },
      { name: 'english', lang: 'en-GB', localService: true },
      { name: 'dense', lang: 'den', localService: true },
    ];
    expect(voiceCandidates(voices, 'de').map((v) => v.name)).toEqual(['local-de', 'local-at', 'online-de']);
  });
});

describe('Announcer', () => {
  function announcer(speak: (text: string) => Promise<SpeechOutcome>, watchdogMs = 20_000) {
    const events: string[] = [];
    const a = new Announcer({
      gong: async () => {
        events.push('gong');
        await new Promise((r) => setTimeout(r, 100));
      },
      speak: async (text) => {
        events.push(`speak:${text}`);
        const outcome = await speak(text);
        events.push(`end:${text}`);
        return outcome;
      },
      pauseMs: 50,
      watchdogMs,
    });
    return { a, events };
  }

  it('given three announcements at once, then gong and speech of each, strictly one after another', async () => {
    let active = 0;
    let most = 0;
    const { a, events } = announcer(async () => {
      active++;
      most = Math.max(most, active);
      await new Promise((r) => setTimeout(r, 1000));
      active--;
      return 'spoken';
    });
    a.announce(item(1, 'A'));
    a.announce(item(2, 'B'));
    a.announce(item(3, 'C'));
    await vi.runAllTimersAsync();
    expect(events).toEqual(['gong', 'speak:A', 'end:A', 'gong', 'speak:B', 'end:B', 'gong', 'speak:C', 'end:C']);
    expect(most).toBe(1);
    expect(a.log).toEqual(['A', 'B', 'C']);
    expect(a.records.map((r) => r.speech)).toEqual(['spoken', 'spoken', 'spoken']);
    expect(a.busy).toBe(false);
  });

  it('given a second language, then after one gong both languages, in order, before the next announcement', async () => {
    const { a, events } = announcer(async () => 'spoken');
    a.announce({ ...item(1, 'Nummer W eins'), more: [{ text: 'Number W 1', language: 'en' }] });
    a.announce(item(2, 'Nummer W zwei'));
    await vi.runAllTimersAsync();
    expect(events).toEqual([
      'gong',
      'speak:Nummer W eins',
      'end:Nummer W eins',
      'speak:Number W 1',
      'end:Number W 1',
      'gong',
      'speak:Nummer W zwei',
      'end:Nummer W zwei',
    ]);
    expect(a.records[0]?.speeches).toEqual(['spoken', 'spoken']);
  });

  it('given the same seq twice, then it is announced once', async () => {
    const { a } = announcer(async () => 'spoken');
    expect(a.announce(item(7))).toBe(true);
    expect(a.announce(item(7))).toBe(false);
    await vi.runAllTimersAsync();
    expect(a.log).toEqual(['Nummer 7']);
  });

  it('given a reset (the server started over), then a seq may come again', async () => {
    const { a } = announcer(async () => 'spoken');
    a.announce(item(1));
    await vi.runAllTimersAsync();
    a.reset();
    expect(a.announce(item(1))).toBe(true);
    await vi.runAllTimersAsync();
    expect(a.log).toEqual(['Nummer 1', 'Nummer 1']);
  });

  it('given speech that never ends, then the watchdog moves on to the next announcement', async () => {
    const { a, events } = announcer(
      (text) => (text === 'stuck' ? new Promise(() => {}) : Promise.resolve('spoken')),
      5000,
    );
    a.announce(item(1, 'stuck'));
    a.announce(item(2, 'next'));
    await vi.advanceTimersByTimeAsync(5000 + 50 + 200);
    expect(events).toContain('speak:next');
    await vi.runAllTimersAsync();
    expect(a.records.map((r) => [r.text, r.speech])).toEqual([
      ['stuck', 'timeout'],
      ['next', 'spoken'],
    ]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('given failing speech, then the queue goes on', async () => {
    const { a } = announcer(async (text) => {
      if (text === 'bad') throw new Error('engine gone');
      return 'spoken';
    });
    a.announce(item(1, 'bad'));
    a.announce(item(2, 'good'));
    await vi.runAllTimersAsync();
    expect(a.log).toEqual(['bad', 'good']);
  });

  it('given a long backlog, then the queue and the logs stay capped', async () => {
    const { a } = announcer(async () => 'spoken');
    for (let seq = 1; seq <= 500; seq++) a.announce(item(seq));
    expect(a.pending).toBeLessThanOrEqual(30);
    await vi.runAllTimersAsync();
    expect(a.log.length).toBeLessThanOrEqual(50);
    expect(a.records.length).toBeLessThanOrEqual(50);
    expect(a.log.at(-1)).toBe('Nummer 500');
  });
});

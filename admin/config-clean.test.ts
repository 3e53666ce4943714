/**
 * The admin app's configuration draft without a server: cleaning it for the server, placing
 * and wording issues, and the id helpers.
 */
import { describe, expect, it } from 'vitest';
import { cleanOffice, stableJson } from './config-clean.ts';
import { moved, slugify, uniqueId } from './config-ids.ts';
import { isUnder, issueTab, localIssues } from './config-issues.ts';
import { issuePlace, issueText } from './config-words.ts';
import type { ConfigIssue } from '../core/config-issue.ts';
import { sampleOffice as office } from './config-test-kit.ts';

describe('cleanOffice', () => {
  it('trims texts and leaves out what is empty', () => {
    const draft = office();
    const c = draft.concerns[0]!;
    c.name = '  Wohngeld neu ';
    c.prefix = ' w';
    c.description = '   ';
    c.pictogram = '';
    c.documents = ['Ausweis', '', '  Mietvertrag  ', ''];
    c.names = { de: 'alt', en: ' Housing ', tr: '' };
    c.descriptions = { en: '' };
    c.documentsByLanguage = { de: ['veraltet'], en: ['ID', ''], ar: [''] };
    c.dailyQuota = undefined;
    draft.counters[0]!.area = ' ';
    draft.openingHours.weekly.tue = [];
    draft.openingHours.closedDays = ['2026-12-31', '', '2026-12-24', '2026-12-31'];
    draft.announcements.templates = { de: 'Nummer {number}', en: '' };

    const clean = cleanOffice(draft);
    expect(clean.concerns[0]).toEqual({
      id: 'housing',
      prefix: 'W',
      name: 'Wohngeld neu',
      // The German name is the main field; its translation follows it.
      names: { de: 'Wohngeld neu', en: 'Housing' },
      documents: ['Ausweis', 'Mietvertrag'],
      documentsByLanguage: { en: ['ID'] },
    });
    expect(clean.counters[0]).toEqual({ id: 'desk-1', name: 'Platz 1', concernIds: ['housing', 'certificates'] });
    expect(clean.openingHours).toEqual({
      weekly: { mon: [{ from: '09:00', to: '12:00' }] },
      closedDays: ['2026-12-24', '2026-12-31'],
    });
    expect(clean.announcements.templates).toEqual({ de: 'Nummer {number}' });
    // The draft itself is left alone.
    expect(draft.concerns[0]?.prefix).toBe(' w');
  });

  it('keeps an empty online address, so the server names it, and drops translations of only German', () => {
    const draft = office();
    draft.concerns[1]!.infoUrl = '  ';
    draft.concerns[1]!.names = { de: 'Bescheinigungen' };
    draft.concerns[1]!.description = 'Sofort.';
    draft.concerns[1]!.descriptions = { de: 'alt', ru: 'Сразу.' };
    const clean = cleanOffice(draft);
    expect(clean.concerns[1]).toEqual({
      id: 'certificates',
      prefix: 'C',
      name: 'Bescheinigungen',
      description: 'Sofort.',
      descriptions: { de: 'Sofort.', ru: 'Сразу.' },
      infoUrl: '',
    });
  });

  it('sends a required number left empty as null, which the server reports', () => {
    const draft = office();
    draft.retentionDays = Number.NaN;
    expect(JSON.parse(JSON.stringify(cleanOffice(draft))).retentionDays).toBeNull();
  });
});

describe('issues', () => {
  it('finds duplicates and counters serving concerns that are gone', () => {
    const draft = office();
    draft.concerns.push({ id: 'housing', prefix: 'w', name: 'Doppelt' });
    draft.counters.push({ id: 'desk-1', name: 'Platz 2', concernIds: ['gone'] });
    expect(localIssues(draft).map(({ path, code, params }) => ({ path, code, params }))).toEqual([
      { path: 'concerns.2.id', code: 'DUPLICATE_CONCERN_ID', params: { id: 'housing' } },
      { path: 'concerns.2.prefix', code: 'DUPLICATE_PREFIX', params: { id: 'W' } },
      { path: 'counters.1.id', code: 'DUPLICATE_COUNTER_ID', params: { id: 'desk-1' } },
      { path: 'counters.1.concernIds', code: 'UNKNOWN_CONCERN', params: { id: 'gone' } },
    ]);
  });

  it('finds a counter without concerns', () => {
    const draft = office();
    draft.counters.push({ id: 'desk-2', name: 'Platz 2', concernIds: [] });
    expect(localIssues(draft).map((i) => [i.path, i.code])).toEqual([
      ['counters.1.concernIds', 'COUNTER_WITHOUT_CONCERNS'],
    ]);
  });

  it('words the issues by code in plain German, whatever the message says', () => {
    const text = (code: ConfigIssue['code'], params?: ConfigIssue['params']) =>
      issueText({ code, message: 'English text', ...(params ? { params } : {}) });
    expect(text('REQUIRED')).toBe('Bitte ausfüllen.');
    expect(text('PREFIX_FORMAT')).toContain('Großbuchstaben');
    expect(text('TOO_BIG', { origin: 'number', maximum: 10 })).toBe('Höchstens 10.');
    expect(text('TOO_SMALL', { origin: 'number', minimum: 0, exclusive: 1 })).toBe('Bitte eine Zahl größer als 0.');
    expect(text('TOO_SMALL', { origin: 'number', minimum: 0.5 })).toBe('Bitte mindestens 0,5.');
    expect(text('NOT_NUMBER')).toBe('Bitte eine Zahl eingeben.');
    expect(text('NOT_INTEGER')).toBe('Bitte eine ganze Zahl eingeben.');
    expect(text('INVALID_URL')).toContain('https://');
    expect(text('FROM_AFTER_TO')).toBe('Der Beginn muss vor dem Ende liegen.');
    expect(text('DUPLICATE_PREFIX', { id: 'W' })).toBe('Den Buchstaben „W“ hat schon ein anderes Anliegen.');
    expect(text('DEVICE_NOT_ALLOWED', { allowed: '/dev/usb/lp*' })).toContain('/dev/usb/lp*');
    expect(issueText({ code: 'SOMETHING_NEW' as ConfigIssue['code'], message: 'Something new' })).toBe('Something new');
  });

  it('says where an issue is and on which page', () => {
    const draft = office();
    expect(issuePlace('concerns.0.names.en', draft)).toBe('Anliegen „Wohngeld“ – Name (Englisch)');
    expect(issuePlace('counters.0.concernIds', draft)).toBe('Platz „Platz 1“ – Anliegen');
    expect(issuePlace('openingHours.weekly.mon.0.from', draft)).toBe('Öffnungszeiten Montag');
    expect(issuePlace('policy.maxCalls', draft)).toBe('Regeln – Aufrufe bis „nicht erschienen“');
    expect(issuePlace('announcements.templates.tr', draft)).toBe('Ansage (Türkisch)');
    expect(issuePlace('retentionDays', draft)).toBe('Aufbewahrung');
    expect(issueTab('concerns.3.prefix')).toBe('concerns');
    expect(issueTab('counters.0.name')).toBe('setup-counters');
    expect(issueTab('openingHours.closedDays.0')).toBe('hours');
    expect(issueTab('timezone')).toBe('hours');
    expect(issueTab('retentionDays')).toBe('office');
    expect(isUnder('concerns.1.prefix', 'concerns.1')).toBe(true);
    expect(isUnder('concerns.10.prefix', 'concerns.1')).toBe(false);
  });
});

describe('helpers', () => {
  it('makes ids from German names, unique', () => {
    expect(slugify('Bürger Service – Anträge')).toBe('buerger-service-antraege');
    expect(slugify('Straße & Öffnung')).toBe('strasse-oeffnung');
    expect(slugify('Café')).toBe('cafe');
    expect(slugify('!!!')).toBe('');
    expect(uniqueId('housing', ['housing', 'housing-2'], 'anliegen')).toBe('housing-3');
    expect(uniqueId('', [], 'anliegen')).toBe('anliegen');
  });

  it('moves list items and ignores moves past the ends', () => {
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moved(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
  });

  it('compares configurations whatever the key order', () => {
    expect(stableJson({ b: 1, a: { d: 2, c: 3 } })).toBe(stableJson({ a: { c: 3, d: 2 }, b: 1 }));
  });
});

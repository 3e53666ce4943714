/**
 * The admin app's configuration model: cleaning the draft for the server, placing and wording
 * issues, and the load / edit / save / conflict / import cycle against a stubbed server.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanOffice, stableJson } from './config-clean.ts';
import { moved, slugify, uniqueId } from './config-ids.ts';
import { isUnder, issueTab, localIssues } from './config-issues.ts';
import { createConfigModel } from './config-model.ts';
import { issuePlace, issueText } from './config-words.ts';
import type { OfficeConfig } from '../core/types.ts';
import { baseOffice } from './config-test-kit.ts';
import type { ConfigIssue } from '../core/config-issue.ts';

const office = () =>
  baseOffice({
    openingHours: { weekly: { mon: [{ from: '09:00', to: '12:00' }] }, closedDays: ['2026-12-24'] },
    concerns: [
      { id: 'housing', prefix: 'W', name: 'Wohngeld', names: { de: 'Wohngeld', en: 'Housing benefit' } },
      { id: 'certificates', prefix: 'C', name: 'Bescheinigungen' },
    ],
    counters: [{ id: 'desk-1', name: 'Platz 1', concernIds: ['housing', 'certificates'] }],
  });

type Reply = { status: number; body: unknown };
type Route = Reply | ((body: unknown) => Reply);

/** A stub of the admin API; every request is recorded with its parsed body. */
function serve(routes: Record<string, Route | Route[]>) {
  const calls: { key: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string, init?: RequestInit) => {
      const key = `${init?.method ?? 'GET'} ${path}`;
      const body = init?.body ? JSON.parse(String(init.body)) : undefined;
      calls.push({ key, body });
      let route = routes[key];
      if (Array.isArray(route)) route = route.length > 1 ? route.shift() : route[0];
      const reply =
        typeof route === 'function'
          ? route(body)
          : (route ?? { status: 404, body: { error: { code: 'NOT_FOUND', message: '' } } });
      return new Response(JSON.stringify(reply.body), { status: reply.status });
    }),
  );
  return calls;
}

const answer = (o: OfficeConfig, version = 'v1'): Reply => ({ status: 200, body: { version, office: o } });
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.unstubAllGlobals();
});

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

describe('config model', () => {
  it('loads, edits a copy, knows when it differs and discards', async () => {
    serve({ 'GET /api/admin/config': answer(office()) });
    const model = createConfigModel();
    expect(model.phase.value).toBe('idle');
    model.ensureLoaded();
    expect(model.phase.value).toBe('loading');
    await flush();
    expect(model.phase.value).toBe('ready');
    expect(model.version.value).toBe('v1');
    expect(model.dirty.value).toBe(false);

    model.edit((o) => {
      o.name = 'Bürgeramt';
    });
    expect(model.draft.value?.name).toBe('Bürgeramt');
    expect(model.saved.value?.name).toBe('Testamt');
    expect(model.dirty.value).toBe(true);

    // An edit that cleaning undoes (an empty line) is no change.
    model.discard();
    model.edit((o) => {
      o.concerns[1]!.documents = [''];
    });
    expect(model.dirty.value).toBe(false);
  });

  it('saves with the version, shows issues by path, clears them on edit, then saves', async () => {
    const saved = { ...office(), name: 'Bürgeramt' };
    const calls = serve({
      'GET /api/admin/config': answer(office()),
      'PUT /api/admin/config': [
        {
          status: 400,
          body: {
            error: {
              code: 'VALIDATION_FAILED',
              message: '',
              issues: [{ path: 'concerns.1.prefix', code: 'PREFIX_FORMAT', message: 'one to three capital letters' }],
            },
          },
        },
        answer(saved, 'v2'),
      ],
    });
    const model = createConfigModel();
    await model.load();
    model.edit((o) => {
      o.name = ' Bürgeramt ';
      o.concerns[1]!.prefix = '';
    });
    expect(await model.save()).toBe('invalid');
    const put = calls.find((c) => c.key === 'PUT /api/admin/config');
    expect(put?.body).toMatchObject({ version: 'v1', office: { name: 'Bürgeramt' } });
    expect(model.issuesAt('concerns.1').map((i) => i.path)).toEqual(['concerns.1.prefix']);
    expect(model.issuesAt('concerns.0')).toEqual([]);
    expect(model.dirty.value).toBe(true);

    model.edit((o) => {
      o.concerns[1]!.prefix = 'C';
    }, 'concerns.1.prefix');
    expect(model.issues.value).toEqual([]);

    expect(await model.save()).toBe('saved');
    expect(model.version.value).toBe('v2');
    expect(model.draft.value?.name).toBe('Bürgeramt');
    expect(model.dirty.value).toBe(false);
    expect(await model.save()).toBe('unchanged');
  });

  it('shows local issues (duplicates) with the server answer', async () => {
    serve({
      'GET /api/admin/config': answer(office()),
      'PUT /api/admin/config': {
        status: 400,
        body: {
          error: {
            code: 'VALIDATION_FAILED',
            message: '',
            issues: [
              {
                path: 'concerns.2.prefix',
                code: 'DUPLICATE_PREFIX',
                params: { id: 'W' },
                message: 'duplicate prefix W',
              },
            ],
          },
        },
      },
    });
    const model = createConfigModel();
    await model.load();
    model.edit((o) => {
      o.concerns.push({ id: 'new', prefix: 'W', name: 'Neu' });
    });
    expect(await model.save()).toBe('invalid');
    expect(model.issues.value.map((i) => [i.path, i.code])).toEqual([['concerns.2.prefix', 'DUPLICATE_PREFIX']]);
  });

  it('meets a change by somebody else: offers reload, or saves over it when asked', async () => {
    const theirs = { ...office(), retentionDays: 30 };
    const calls = serve({
      'GET /api/admin/config': [answer(office()), answer(theirs, 'v2')],
      'PUT /api/admin/config': (body) =>
        (body as { version?: string }).version === undefined
          ? answer({ ...theirs, name: 'Meins' }, 'v3')
          : { status: 409, body: { error: { code: 'CONFIG_CHANGED', message: '' } } },
    });
    const model = createConfigModel();
    await model.load();
    model.edit((o) => {
      o.name = 'Meins';
    });
    expect(await model.save()).toBe('conflict');
    expect(model.conflict.value).toBe('server');
    expect(model.dirty.value).toBe(true);

    expect(await model.save({ force: true })).toBe('saved');
    expect(calls.filter((c) => c.key === 'PUT /api/admin/config').at(-1)?.body).not.toHaveProperty('version');
    expect(model.conflict.value).toBeNull();
    expect(model.version.value).toBe('v3');
  });

  it('follows live changes when clean, and warns when the draft has changes', async () => {
    const theirs = { ...office(), name: 'Anderes Amt' };
    serve({ 'GET /api/admin/config': [answer(office()), answer(theirs, 'v2'), answer(theirs, 'v2')] });
    const model = createConfigModel();
    await model.load();

    model.remoteChanged();
    await flush();
    expect(model.draft.value?.name).toBe('Anderes Amt');
    expect(model.version.value).toBe('v2');

    model.edit((o) => {
      o.retentionDays = 10;
    });
    model.remoteChanged();
    await flush();
    // Same version as the draft's base: nothing to warn about.
    expect(model.conflict.value).toBeNull();
    expect(model.draft.value?.retentionDays).toBe(10);
  });

  it('marks a remote change of a newer version while editing', async () => {
    serve({ 'GET /api/admin/config': [answer(office()), answer({ ...office(), name: 'X' }, 'v9')] });
    const model = createConfigModel();
    await model.load();
    model.edit((o) => {
      o.retentionDays = 10;
    });
    model.remoteChanged();
    await flush();
    expect(model.conflict.value).toBe('remote');
    expect(model.draft.value?.retentionDays).toBe(10);
  });

  it('imports a file as this office and reports its issues without touching the draft', async () => {
    const imported = { ...office(), id: 'other', name: 'Aus Datei' };
    const calls = serve({
      'GET /api/admin/config': answer(office()),
      'PUT /api/admin/config': [
        {
          status: 400,
          body: {
            error: {
              code: 'VALIDATION_FAILED',
              message: '',
              issues: [{ path: 'timezone', code: 'UNKNOWN_TIME_ZONE', message: 'x' }],
            },
          },
        },
        answer({ ...imported, id: 'demo' }, 'v2'),
      ],
    });
    const model = createConfigModel();
    await model.load();
    expect(await model.importOffice([])).toMatchObject({ outcome: 'invalid' });

    const bad = await model.importOffice(imported);
    expect(bad).toEqual({
      outcome: 'invalid',
      issues: [{ path: 'timezone', code: 'UNKNOWN_TIME_ZONE', message: 'x' }],
    });
    expect(model.issues.value).toEqual([]);
    expect(model.draft.value?.name).toBe('Testamt');

    const good = await model.importOffice(imported);
    expect(good.outcome).toBe('saved');
    expect(calls.at(-1)?.body).toMatchObject({ version: 'v1', office: { id: 'demo', name: 'Aus Datei' } });
    expect(model.draft.value?.name).toBe('Aus Datei');
  });

  it('reports a failed load and a lost connection', async () => {
    serve({ 'GET /api/admin/config': { status: 401, body: { error: { code: 'UNAUTHENTICATED', message: '' } } } });
    const model = createConfigModel();
    expect(await model.load()).toBe(false);
    expect(model.phase.value).toBe('failed');
    expect(model.error.value).toBe('UNAUTHENTICATED');

    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('network');
      }),
    );
    expect(await model.load()).toBe(false);
    expect(model.error.value).toBe('OFFLINE');
  });
});

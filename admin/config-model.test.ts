/**
 * The admin app's configuration model: the load / edit / save / conflict / import cycle against
 * a stubbed server. Cleaning the draft and its issues are tested in `config-clean.test.ts`.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createConfigModel } from './config-model.ts';
import type { OfficeConfig } from '../core/types.ts';
import { sampleOffice as office, validationFailed } from './config-test-kit.ts';

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
        validationFailed([
          { path: 'concerns.1.prefix', code: 'PREFIX_FORMAT', message: 'one to three capital letters' },
        ]),
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
      'PUT /api/admin/config': validationFailed([
        {
          path: 'concerns.2.prefix',
          code: 'DUPLICATE_PREFIX',
          params: { id: 'W' },
          message: 'duplicate prefix W',
        },
      ]),
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
        validationFailed([{ path: 'timezone', code: 'UNKNOWN_TIME_ZONE', message: 'x' }]),
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

// @vitest-environment happy-dom
/**
 * The configuration pages against a stubbed admin API: a new concern gets its id and letter
 * from its name, the server's issues appear next to their field in German, removing a concern
 * takes it off the counters, and the save bar tells what is saved.
 */
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { suggestPrefix } from './config-concern-edits.ts';
import { ConcernsPage } from './config-concerns.tsx';
import { CountersSetupPage, nextCounterName } from './config-counters.tsx';
import { parseNumber } from './config-fields.tsx';
import { addClosedDay, nextSpan } from './config-hours.tsx';
import { announcementPreview, templateWarnings } from './config-announcements.tsx';
import { baseOffice, resetPage, serveConfig, type, validationFailed, openPage, accepted } from './config-test-kit.ts';

const office = () =>
  baseOffice({
    concerns: [
      { id: 'housing', prefix: 'W', name: 'Wohngeld', pictogram: 'house' },
      { id: 'education', prefix: 'B', name: 'Bildung' },
    ],
    counters: [
      { id: 'desk-1', name: 'Platz 1', concernIds: ['housing', 'education'] },
      { id: 'desk-2', name: 'Platz 2', concernIds: ['education'] },
    ],
  });

afterEach(resetPage);

describe('concerns page', () => {
  it('adds a concern, shows the issues next to the fields and saves', async () => {
    let round = 0;
    const puts = serveConfig(office, (body) => {
      round++;
      if (round === 1)
        return validationFailed([{ path: 'concerns.2.infoUrl', code: 'INVALID_URL', message: 'Invalid URL' }]);
      return accepted(body);
    });
    const model = await openPage(ConcernsPage, 'concern-form');
    expect((screen.getByTestId('concern-id') as HTMLInputElement).readOnly).toBe(true);
    expect(screen.getByTestId('config-save').hasAttribute('disabled')).toBe(true);

    fireEvent.click(screen.getByTestId('concern-add'));
    await waitFor(() => expect((screen.getByTestId('concern-name') as HTMLInputElement).value).toBe(''));
    type('concern-name', 'Meldebescheinigung');
    expect((screen.getByTestId('concern-id') as HTMLInputElement).value).toBe('meldebescheinigung');
    expect((screen.getByTestId('concern-id') as HTMLInputElement).readOnly).toBe(false);
    expect((screen.getByTestId('concern-prefix') as HTMLInputElement).value).toBe('M');
    type('concern-name', 'Meldewesen');
    expect((screen.getByTestId('concern-id') as HTMLInputElement).value).toBe('meldewesen');
    expect(screen.getByTestId('config-status').textContent).toContain('noch nicht gespeichert');

    fireEvent.click(screen.getByTestId('concern-info-only'));
    type('concern-info-url', 'nicht gültig');
    type('concern-quota', '25');
    fireEvent.click(screen.getByTestId('config-save'));

    await screen.findByTestId('config-issues');
    const field = document.getElementById('cfg-concerns-2-infoUrl-issues');
    expect(field?.textContent).toContain('vollständige Internetadresse');
    expect(screen.getByTestId('config-issues').textContent).toContain('Anliegen „Meldewesen“ – Online-Adresse');
    expect(screen.getByTestId('concern-info-url').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('concern-info-url').getAttribute('aria-describedby')).toContain(
      'cfg-concerns-2-infoUrl-issues',
    );
    expect(puts[0]?.version).toBe('v1');
    expect(puts[0]?.office.concerns[2]).toEqual({
      id: 'meldewesen',
      prefix: 'M',
      name: 'Meldewesen',
      infoUrl: 'nicht gültig',
      dailyQuota: 25,
    });

    type('concern-info-url', 'https://example.org/melden');
    expect(document.getElementById('cfg-concerns-2-infoUrl-issues')).toBeNull();
    fireEvent.click(screen.getByTestId('config-save'));
    await waitFor(() => expect(screen.getByTestId('config-status').textContent).toContain('Gespeichert'));
    expect(model.dirty.value).toBe(false);
    expect(model.version.value).toBe('v2');
  });

  it('warns that a new concern no counter serves is not offered, until it is info-only', async () => {
    serveConfig(office, () => ({ status: 500, body: {} }));
    await openPage(ConcernsPage, 'concern-form');
    expect(screen.queryByTestId('config-warnings')).toBeNull();
    fireEvent.click(screen.getByTestId('concern-add'));
    type('concern-name', 'Meldewesen');
    const warning = await screen.findByTestId('config-warning-CONCERN_UNSERVED');
    expect(warning.textContent).toContain('Kein Platz bedient „Meldewesen“');
    expect(warning.getAttribute('data-id')).toBe('meldewesen');
    expect(screen.getByTestId('concern-served-by').textContent).toContain('Noch kein Platz');
    expect(screen.getByTestId('concern-item-2').textContent).toContain('kein Platz');
    fireEvent.click(screen.getByTestId('concern-info-only'));
    expect(screen.queryByTestId('config-warnings')).toBeNull();
  });

  it('removes a concern from the counters that serve it, after asking', async () => {
    serveConfig(office, () => ({ status: 500, body: {} }));
    const model = await openPage(ConcernsPage, 'concern-form');
    fireEvent.click(screen.getByTestId('concern-item-1'));
    await waitFor(() => expect((screen.getByTestId('concern-name') as HTMLInputElement).value).toBe('Bildung'));
    fireEvent.click(screen.getByTestId('concern-remove'));
    const dialog = screen.getByTestId('confirm-dialog');
    expect(dialog.textContent).toContain('Platz 1, Platz 2 bedienen es');
    expect(dialog.textContent).toContain('Platz 2 hat danach kein Anliegen mehr');
    fireEvent.click(screen.getByTestId('confirm-ok'));
    expect(model.draft.value?.concerns.map((c) => c.id)).toEqual(['housing']);
    expect(model.draft.value?.counters.map((c) => c.concernIds)).toEqual([['housing'], []]);
    // The last concern cannot go.
    expect(screen.getByTestId('concern-remove').hasAttribute('disabled')).toBe(true);
  });

  it('moves concerns with the arrows and edits translations per language', async () => {
    serveConfig(office, () => ({ status: 500, body: {} }));
    const model = await openPage(ConcernsPage, 'concern-form');
    fireEvent.click(screen.getByTestId('concern-down-0'));
    expect(model.draft.value?.concerns.map((c) => c.id)).toEqual(['education', 'housing']);
    // The moved concern stays selected.
    await waitFor(() => expect((screen.getByTestId('concern-name') as HTMLInputElement).value).toBe('Wohngeld'));
    fireEvent.click(screen.getByTestId('concern-lang-ar'));
    const arabic = screen.getByTestId('concern-name-ar');
    expect(arabic.getAttribute('dir')).toBe('rtl');
    type('concern-name-ar', 'إعانة السكن');
    type('concern-documents-ar', 'الهوية\n');
    expect(model.draft.value?.concerns[1]?.names).toEqual({ ar: 'إعانة السكن' });
    expect(model.draft.value?.concerns[1]?.documentsByLanguage).toEqual({ ar: ['الهوية', ''] });
    fireEvent.click(screen.getByTestId('concern-pictogram-none'));
    expect(model.draft.value?.concerns[1]?.pictogram).toBeUndefined();
  });
});

describe('save bar', () => {
  it('asks before discarding, and before saving over a version someone else saved', async () => {
    const puts = serveConfig(office, (body, round) =>
      round === 1 ? { status: 409, body: { error: { code: 'CONFIG_CHANGED' } } } : accepted(body),
    );
    const model = await openPage(ConcernsPage, 'concern-form');
    type('concern-name', 'Wohngeld und Lastenzuschuss');
    fireEvent.click(screen.getByTestId('config-discard'));
    expect(screen.getByTestId('confirm-dialog').textContent).toContain('Änderungen verwerfen?');
    fireEvent.click(screen.getByTestId('confirm-cancel'));
    expect(model.draft.value?.concerns[0]?.name).toBe('Wohngeld und Lastenzuschuss');
    fireEvent.click(screen.getByTestId('config-discard'));
    fireEvent.click(screen.getByTestId('confirm-ok'));
    expect(model.draft.value?.concerns[0]?.name).toBe('Wohngeld');
    expect(model.dirty.value).toBe(false);

    type('concern-name', 'Wohngeld und Lastenzuschuss');
    fireEvent.click(screen.getByTestId('config-save'));
    await screen.findByTestId('config-conflict');
    fireEvent.click(screen.getByTestId('config-force'));
    expect(screen.getByTestId('confirm-dialog').textContent).toContain('Ihre Fassung speichern?');
    fireEvent.click(screen.getByTestId('confirm-ok'));
    await waitFor(() => expect(screen.getByTestId('config-status').textContent).toContain('Gespeichert'));
    expect(puts.map((p) => p.version)).toEqual(['v1', undefined]);
    expect(puts[1]?.office.concerns[0]?.name).toBe('Wohngeld und Lastenzuschuss');
  });
});

describe('counters page', () => {
  it('adds a counter without concerns and warns of it, then orders and removes its concerns', async () => {
    serveConfig(office, () => ({ status: 500, body: {} }));
    const model = await openPage(CountersSetupPage, 'counter-card-0');
    expect(screen.queryByTestId('config-warnings')).toBeNull();
    fireEvent.click(screen.getByTestId('counter-add'));
    expect(model.draft.value?.counters[2]).toEqual({ id: 'platz-3', name: 'Platz 3', concernIds: [] });
    type('counter-name-2', 'Zimmer 12');
    expect(model.draft.value?.counters[2]?.id).toBe('zimmer-12');
    expect(screen.getByTestId('counter-card-2').textContent).toContain('Noch kein Anliegen');
    expect(screen.getByTestId('config-warning-COUNTER_WITHOUT_CONCERNS').textContent).toContain(
      '„Zimmer 12“ hat noch kein Anliegen',
    );

    fireEvent.change(screen.getByTestId('counter-add-concern-2'), { target: { value: 'housing' } });
    fireEvent.click(screen.getByTestId('counter-add-concern-btn-2'));
    expect(screen.queryByTestId('config-warnings')).toBeNull();
    fireEvent.click(screen.getByTestId('counter-2-concern-remove-housing'));
    fireEvent.change(screen.getByTestId('counter-add-concern-2'), { target: { value: 'education' } });
    fireEvent.click(screen.getByTestId('counter-add-concern-btn-2'));
    fireEvent.click(screen.getByTestId('counter-add-concern-btn-2'));
    expect(model.draft.value?.counters[2]?.concernIds).toEqual(['education', 'housing']);
    fireEvent.click(screen.getByTestId('counter-2-concern-up-housing'));
    expect(model.draft.value?.counters[2]?.concernIds).toEqual(['housing', 'education']);
    // Saved counters keep their id.
    expect((screen.getByTestId('counter-id-0') as HTMLInputElement).readOnly).toBe(true);
  });
});

describe('page helpers', () => {
  it('suggests letters, names, spans and numbers', () => {
    expect(suggestPrefix('Ärger', ['W'])).toBe('A');
    expect(suggestPrefix('Wohnsitz anmelden', ['W'])).toBe('A');
    expect(suggestPrefix('Wohnen', ['W'])).toBe('O');
    expect(suggestPrefix('WW', ['W'])).toBe('');
    expect(nextCounterName(office())).toBe('Platz 3');
    expect(nextSpan([])).toEqual({ from: '09:00', to: '12:00' });
    expect(nextSpan([{ from: '09:00', to: '12:30' }])).toEqual({ from: '13:30', to: '16:30' });
    expect(addClosedDay(['2026-12-31', '2026-12-24'], '2026-12-25')).toEqual([
      '2026-12-24',
      '2026-12-25',
      '2026-12-31',
    ]);
    expect(addClosedDay(['2026-12-24'], '2026-12-24')).toEqual(['2026-12-24']);
    expect(parseNumber('')).toBeUndefined();
    expect(parseNumber(' 1,5 ')).toBe(1.5);
    expect(parseNumber('12')).toBe(12);
    expect(parseNumber('zwölf')).toBeNaN();
  });

  it('previews announcements and names a missing placeholder', () => {
    expect(announcementPreview('Nummer {number}, bitte zu {counter}.', 'W-017', 'Platz 3')).toBe(
      'Nummer W-017, bitte zu Platz 3.',
    );
    expect(templateWarnings('Nummer {number}.')).toEqual(['Es fehlt {counter}: Die Ansage nennt keinen Platz.']);
    expect(templateWarnings('')).toEqual([]);
  });
});

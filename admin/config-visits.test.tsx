// @vitest-environment happy-dom
/**
 * The visits page (outcomes, the kiosk's multi-concern choice) and the counters' own printers
 * against a stubbed admin API, and how the model cleans and places them.
 */
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanOffice } from './config-clean.ts';
import { CountersSetupPage } from './config-counters.tsx';
import { issueTab, localIssues } from './config-issues.ts';
import { addOutcome, MAX_OUTCOMES, VisitsPage } from './config-visits.tsx';
import { issuePlace, issueText } from './config-words.ts';
import { baseOffice, resetPage, serveConfig, type, validationFailed, openPage, accepted } from './config-test-kit.ts';

const office = () =>
  baseOffice({
    outcomes: [
      { id: 'done', name: 'Erledigt', names: { de: 'Erledigt', en: 'Done' } },
      { id: 'documents-missing', name: 'Unterlagen fehlen' },
    ],
  });

afterEach(resetPage);

const input = (testId: string) => screen.getByTestId(testId) as HTMLInputElement;

describe('visits page', () => {
  it('adds, renames, translates, reorders and removes outcomes; ids come from the name and stay once saved', async () => {
    const puts = serveConfig(office, accepted);
    await openPage(VisitsPage, 'outcome-list');
    expect(input('outcome-name-1').value).toBe('Unterlagen fehlen');

    // A saved outcome keeps its id when renamed.
    type('outcome-name-1', 'Unterlagen unvollständig');
    expect(screen.getByTestId('outcome-id-1').textContent).toBe('documents-missing');

    fireEvent.click(screen.getByTestId('outcome-add'));
    await waitFor(() => expect(input('outcome-name-2').value).toBe(''));
    type('outcome-name-2', 'Rückruf vereinbart');
    expect(screen.getByTestId('outcome-id-2').textContent).toBe('rueckruf-vereinbart');
    type('outcome-name-2', 'Rückruf zugesagt');
    expect(screen.getByTestId('outcome-id-2').textContent).toBe('rueckruf-zugesagt');
    type('outcome-translation-2', 'Call back promised');

    fireEvent.click(screen.getByTestId('outcome-up-2'));
    expect(screen.getByTestId('outcome-id-1').textContent).toBe('rueckruf-zugesagt');
    fireEvent.click(screen.getByTestId('outcome-remove-0'));
    expect(screen.getByTestId('outcome-id-0').textContent).toBe('rueckruf-zugesagt');

    fireEvent.click(screen.getByTestId('config-save'));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]?.version).toBe('v1');
    expect(puts[0]?.office.outcomes).toEqual([
      {
        id: 'rueckruf-zugesagt',
        name: 'Rückruf zugesagt',
        names: { de: 'Rückruf zugesagt', en: 'Call back promised' },
      },
      { id: 'documents-missing', name: 'Unterlagen unvollständig' },
    ]);
    // Once saved, the new id is fixed too.
    await waitFor(() => expect(screen.getByTestId('config-save').hasAttribute('disabled')).toBe(true));
    type('outcome-name-0', 'Rückruf');
    expect(screen.getByTestId('outcome-id-0').textContent).toBe('rueckruf-zugesagt');
  });

  it('turns the kiosk multi-concern choice off and on and sets the maximum', async () => {
    const puts = serveConfig(office, accepted);
    const model = await openPage(VisitsPage, 'kiosk-max');
    // Not configured: the default of three.
    expect((screen.getByTestId('kiosk-max') as HTMLSelectElement).value).toBe('3');
    fireEvent.change(screen.getByTestId('kiosk-max'), { target: { value: '5' } });
    expect(model.draft.value?.kioskMaxConcerns).toBe(5);
    fireEvent.click(screen.getByTestId('kiosk-multi'));
    expect(model.draft.value?.kioskMaxConcerns).toBe(1);
    expect(screen.queryByTestId('kiosk-max')).toBeNull();
    fireEvent.click(screen.getByTestId('config-save'));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]?.office.kioskMaxConcerns).toBe(1);
    await waitFor(() => expect(input('kiosk-multi').checked).toBe(false));
    fireEvent.click(screen.getByTestId('kiosk-multi'));
    expect(model.draft.value?.kioskMaxConcerns).toBe(3);
  });

  it('shows the server issues of an outcome next to it, in German', async () => {
    serveConfig(office, () =>
      validationFailed([
        { path: 'outcomes.1.name', code: 'REQUIRED', message: 'Too small: expected string to have >=1 characters' },
      ]),
    );
    await openPage(VisitsPage, 'outcome-list');
    type('outcome-name-1', '');
    fireEvent.click(screen.getByTestId('config-save'));
    await screen.findByTestId('config-issues');
    expect(document.getElementById('cfg-outcomes-1-name-issues')?.textContent).toContain('Bitte ausfüllen.');
    expect(screen.getByTestId('config-issues').textContent).toContain('Ergebnis 2 – Name');
  });

  it('offers no more than twelve outcomes', async () => {
    serveConfig(office, accepted);
    await openPage(VisitsPage, 'outcome-list');
    for (let i = 2; i < MAX_OUTCOMES; i++) fireEvent.click(screen.getByTestId('outcome-add'));
    await waitFor(() => expect(screen.getByTestId(`outcome-${MAX_OUTCOMES - 1}`)).toBeTruthy());
    expect(screen.getByTestId('outcome-add').hasAttribute('disabled')).toBe(true);
    const full = office();
    full.outcomes = Array.from({ length: MAX_OUTCOMES }, (_, i) => ({ id: `o${i}`, name: `E${i}` }));
    expect(addOutcome(full)).toBe(-1);
    expect(full.outcomes).toHaveLength(MAX_OUTCOMES);
  });
});

describe('counter printers', () => {
  it('saves a counter printer trimmed and shows an invalid address in German', async () => {
    const puts = serveConfig(office, (body, round) =>
      round === 1
        ? validationFailed([
            {
              path: 'counters.0.printer',
              code: 'PRINTER_INVALID',
              message:
                'LOTSE_PRINTER="drucker": unknown printer (use tcp://HOST:PORT, file:/dev/usb/lp0, virtual, virtual:DIR or none)',
            },
          ])
        : accepted(body, round),
    );
    await openPage(CountersSetupPage, 'counter-printer-0');
    type('counter-printer-0', 'drucker');
    fireEvent.click(screen.getByTestId('config-save'));
    await screen.findByTestId('config-issues');
    expect(document.getElementById('cfg-counters-0-printer-issues')?.textContent).toContain(
      'Keine gültige Druckeradresse',
    );
    expect(screen.getByTestId('config-issues').textContent).toContain('Platz „Platz 1“ – Drucker');
    type('counter-printer-0', '  tcp://127.0.0.1:9100 ');
    expect(document.getElementById('cfg-counters-0-printer-issues')).toBeNull();
    fireEvent.click(screen.getByTestId('config-save'));
    await waitFor(() => expect(puts).toHaveLength(2));
    expect(puts[1]?.office.counters[0]?.printer).toBe('tcp://127.0.0.1:9100');
  });
});

describe('model: outcomes and printers', () => {
  it('cleans outcomes and printers for the server', () => {
    const draft = office();
    draft.outcomes = [
      { id: ' done ', name: ' Erledigt ', names: { de: 'alt', en: ' Done ', tr: '  ' } },
      { id: 'missing', name: 'Unterlagen fehlen', names: { en: '' } },
    ];
    draft.counters[0] = { id: 'desk-1', name: 'Platz 1', concernIds: ['housing'], printer: '  ' };
    const clean = cleanOffice(draft);
    expect(clean.outcomes).toEqual([
      { id: 'done', name: 'Erledigt', names: { de: 'Erledigt', en: 'Done' } },
      { id: 'missing', name: 'Unterlagen fehlen' },
    ]);
    expect(clean.counters[0]).not.toHaveProperty('printer');
  });

  it('finds duplicate outcome ids at once and sends their issues to the visits page', () => {
    const draft = office();
    draft.outcomes = [
      { id: 'done', name: 'Erledigt' },
      { id: 'done', name: 'Fertig' },
    ];
    expect(localIssues(draft).map((i) => [i.path, i.code])).toEqual([['outcomes.1.id', 'DUPLICATE_OUTCOME_ID']]);
    expect(issueTab('outcomes.1.id')).toBe('visits');
    expect(issueTab('kioskMaxConcerns')).toBe('visits');
    expect(issueTab('counters.0.printer')).toBe('setup-counters');
    expect(issueText({ code: 'DUPLICATE_OUTCOME_ID', message: '' })).toContain('dieselbe Kennung');
    expect(issueText({ code: 'COUNTER_PRINTER_AGENT', message: '' })).toContain('nur am Kiosk');
    expect(issuePlace('outcomes.1.names.en', draft)).toBe('Ergebnis „Fertig“ – Name (Englisch)');
    expect(issuePlace('kioskMaxConcerns', draft)).toBe('Mehrere Anliegen am Kiosk');
  });
});

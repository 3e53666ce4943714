// @vitest-environment happy-dom
/** The phone page's view of a visit with several concerns: parts, between parts, continue here. */
import { cleanup, render, screen } from '@testing-library/preact';
import { h } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { TicketView, VisitPartView } from '../core/api.ts';
import { LANGUAGES } from '../ui/i18n.ts';
import { PHONE_MESSAGES } from './phone-messages.ts';
import { continuesHere, isBetweenParts, PhoneTicket } from './PhoneTicket.tsx';

afterEach(cleanup);

const AT = '2026-11-23T08:30:00.000Z';

function visit(parts: VisitPartView[], extra: Partial<TicketView> = {}): TicketView {
  const due = parts.find((p) => p.due) ?? parts[0];
  return {
    id: 't1',
    number: 'W-007',
    concernId: due?.concernId ?? '',
    concernName: due?.concernName ?? '',
    concerns: parts,
    status: 'waiting',
    waitingAhead: 4,
    estimatedWaitMinutes: 12,
    statusUrl: '/t/abc',
    language: 'de',
    issuedAt: AT,
    callCount: 0,
    documents: [],
    ...extra,
  };
}

const housing = (extra: Partial<VisitPartView> = {}): VisitPartView => ({
  concernId: 'housing',
  concernName: 'Wohngeld',
  status: 'waiting',
  ...extra,
});
const education = (extra: Partial<VisitPartView> = {}): VisitPartView => ({
  concernId: 'education',
  concernName: 'Bildung und Teilhabe',
  status: 'waiting',
  ...extra,
});

const show = (ticket: TicketView) =>
  render(h(PhoneTicket, { ticket, language: ticket.language, t: PHONE_MESSAGES[ticket.language] }));

describe('a visit with several concerns on the phone', () => {
  it('lists the parts in order, the first one due, and says nothing of a next part yet', () => {
    show(visit([housing({ due: true }), education()]));
    const items = screen.getByTestId('phone-parts').querySelectorAll('li');
    expect([...items].map((li) => li.getAttribute('data-testid'))).toEqual([
      'phone-part-housing',
      'phone-part-education',
    ]);
    expect(screen.getByTestId('phone-part-housing').getAttribute('data-state')).toBe('now');
    expect(screen.getByTestId('phone-part-housing').getAttribute('aria-current')).toBe('step');
    expect(screen.getByTestId('phone-part-education').getAttribute('data-state')).toBe('later');
    expect(screen.getByTestId('phone-part-education').textContent).toContain('danach');
    expect(screen.queryByTestId('phone-between')).toBeNull();
  });

  it('between two parts: the first ticked, "Ihr nächstes Anliegen: …", called again', () => {
    const ticket = visit([housing({ status: 'done', outcome: 'done' }), education({ due: true })]);
    expect(isBetweenParts(ticket)).toBe(true);
    show(ticket);
    expect(screen.getByTestId('phone-part-housing').getAttribute('data-state')).toBe('done');
    expect(screen.getByTestId('phone-part-housing').textContent).toContain('erledigt');
    expect(screen.getByTestId('phone-part-education').getAttribute('data-state')).toBe('now');
    const between = screen.getByTestId('phone-between');
    expect(between.textContent).toContain('Ihr nächstes Anliegen: Bildung und Teilhabe');
    expect(between.textContent).toContain('Sie werden wieder aufgerufen.');
    expect(screen.getByTestId('phone-status').textContent).toBe('Sie warten');
  });

  it('called for the next part: go to the counter; continued at once: stay at the counter', () => {
    const parts = [housing({ status: 'done' }), education({ status: 'called', due: true })];
    const called = visit(parts, { status: 'called', counterName: 'Platz 3', calledAt: AT, callCount: 1 });
    expect(continuesHere(called)).toBe(false);
    const { unmount } = show(called);
    expect(screen.queryByTestId('phone-continue-here')).toBeNull();
    expect(screen.getByText('Bitte gehen Sie jetzt zu:')).toBeTruthy();
    unmount();

    const here = { ...called, counterName: 'Platz 1', servedAt: AT };
    expect(continuesHere(here)).toBe(true);
    show(here);
    expect(screen.getByTestId('phone-continue-here').textContent).toBe(
      'Ihr nächstes Anliegen wird gleich hier erledigt.',
    );
    expect(screen.getByText('Bleiben Sie bitte bei:')).toBeTruthy();
    expect(screen.getByTestId('phone-counter').textContent).toBe('Platz 1');
    expect(screen.queryByTestId('phone-between')).toBeNull();
  });

  it('a one-concern ticket shows no list of parts', () => {
    show(visit([housing({ due: true })]));
    expect(screen.queryByTestId('phone-parts')).toBeNull();
    expect(screen.getByText('Wohngeld')).toBeTruthy();
  });

  it('speaks the ticket language: Arabic', () => {
    show(visit([housing({ status: 'done' }), education({ due: true })], { language: 'ar' }));
    expect(screen.getByTestId('phone-between').textContent).toContain('طلبك التالي: Bildung und Teilhabe');
    expect(screen.getByTestId('phone-part-housing').textContent).toContain('تم');
  });

  it('has every new text in all six languages', () => {
    for (const lang of LANGUAGES) {
      const t = PHONE_MESSAGES[lang];
      for (const key of [
        'partsTitle',
        'partDone',
        'partNow',
        'partLater',
        'nextPartHint',
        'stayAt',
        'continueHere',
      ] as const) {
        expect(t[key], `${lang}.${key}`).toMatch(/\S/);
      }
      expect(t.nextPart, lang).toContain('{name}');
    }
  });
});

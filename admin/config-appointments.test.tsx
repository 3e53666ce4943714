// @vitest-environment happy-dom
/**
 * The appointments page against a stubbed admin API: own appointment hours (starting from the
 * opening hours), the booked counter's grace time, and per concern "by appointment only", slot
 * length and places; the server's issues show at their field, and what is saved is what the
 * appointment service reads.
 */
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { AppointmentsPage, hasAppointmentHours } from './config-appointments.tsx';
import { issueTab } from './config-issues.ts';
import type { OfficeConfig } from '../core/types.ts';
import { baseOffice, resetPage, serveConfig, type, validationFailed, openPage, accepted } from './config-test-kit.ts';

const office = () =>
  baseOffice({
    openingHours: { weekly: { mon: [{ from: '08:00', to: '12:00' }] }, closedDays: [] },
    concerns: [
      { id: 'housing', prefix: 'W', name: 'Wohngeld', serviceMinutes: 12 },
      { id: 'online', prefix: 'O', name: 'Online', infoUrl: 'https://example.org' },
    ],
  });

afterEach(resetPage);

describe('appointments page', () => {
  it('sets appointment hours, grace time, appointment-only and slots, and shows the server issues', async () => {
    const puts = serveConfig(office, (body, n) =>
      n === 1
        ? validationFailed([
            {
              path: 'concerns.0.slotCapacity',
              code: 'TOO_BIG',
              params: { origin: 'number', maximum: 50 },
              message: 'Too big',
            },
          ])
        : accepted(body),
    );
    const model = await openPage(AppointmentsPage, 'appointment-hours');
    // Only bookable concerns; the slot length defaults from the usual duration.
    expect(screen.queryByTestId('appointment-concern-online')).toBeNull();
    expect((screen.getByTestId('appointment-slot-housing') as HTMLInputElement).placeholder).toBe('15');

    fireEvent.click(screen.getByTestId('appointment-hours-own'));
    expect(model.draft.value?.appointmentHours).toEqual({
      weekly: { mon: [{ from: '08:00', to: '12:00' }] },
      closedDays: [],
    });
    fireEvent.click(screen.getByTestId('appointment-hours-tue-add'));
    expect(model.draft.value?.appointmentHours?.weekly.tue).toEqual([{ from: '09:00', to: '12:00' }]);
    expect(model.draft.value?.openingHours.weekly.tue).toBeUndefined();

    type('appointment-grace', '10');
    fireEvent.click(screen.getByTestId('appointment-only-housing'));
    type('appointment-slot-housing', '30');
    type('appointment-capacity-housing', '60');
    fireEvent.click(screen.getByTestId('config-save'));
    await screen.findByTestId('config-issues');
    expect(document.getElementById('cfg-concerns-0-slotCapacity-issues')?.textContent).toBe('Höchstens 50.');
    expect(screen.getByTestId('config-issues').textContent).toContain('Anliegen „Wohngeld“ – Termine zur selben Zeit');

    type('appointment-capacity-housing', '2');
    fireEvent.click(screen.getByTestId('config-save'));
    await waitFor(() => expect(puts).toHaveLength(2));
    const saved = puts[1]?.office as OfficeConfig;
    expect(saved.policy.appointmentGraceMinutes).toBe(10);
    expect(saved.concerns[0]).toMatchObject({ appointmentOnly: true, slotMinutes: 30, slotCapacity: 2 });
    expect(saved.appointmentHours?.weekly).toEqual({
      mon: [{ from: '08:00', to: '12:00' }],
      tue: [{ from: '09:00', to: '12:00' }],
    });
  });

  it('leaves empty fields out and warns when appointment-only concerns have no appointment hours', async () => {
    const puts = serveConfig(office, (body) => accepted(body));
    await openPage(AppointmentsPage, 'appointment-hours');
    fireEvent.click(screen.getByTestId('appointment-hours-own'));
    fireEvent.click(screen.getByTestId('appointment-hours-mon-remove-0'));
    expect(screen.queryByTestId('appointment-hours-none')).toBeNull();
    fireEvent.click(screen.getByTestId('appointment-only-housing'));
    expect(screen.getByTestId('appointment-hours-none').textContent).toContain('keine Terminzeiten');
    type('appointment-slot-housing', '20');
    type('appointment-slot-housing', '');
    fireEvent.click(screen.getByTestId('config-save'));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]?.office.concerns[0]).not.toHaveProperty('slotMinutes');
    expect(puts[0]?.office.appointmentHours).toEqual({ weekly: {}, closedDays: [] });
    expect(hasAppointmentHours(puts[0]?.office as OfficeConfig)).toBe(false);
    expect(issueTab('concerns.0.slotMinutes')).toBe('appointments');
    expect(issueTab('appointmentHours.weekly.mon.0.from')).toBe('appointments');
    expect(issueTab('concerns.0.name')).toBe('concerns');
  });
});

import { describe, expect, it } from 'vitest';
import type { TicketView } from '../../core/api.ts';
import { PrinterError } from '../../printer/errors.ts';
import { loadOfficeConfig } from '../office-config.ts';
import { printErrorOf, problemOf, publicBaseUrl, stateOf, toPrintable } from './printable.ts';

const office = loadOfficeConfig(undefined);

const view = (changes: Partial<TicketView> = {}): TicketView => ({
  id: 't1',
  number: 'W-017',
  concernId: 'housing',
  concernName: 'Wohngeld',
  concerns: [{ concernId: 'housing', concernName: 'Wohngeld', status: 'waiting', due: true }],
  status: 'waiting',
  waitingAhead: 3,
  estimatedWaitMinutes: 14,
  statusUrl: '/t/abcdefghijklmnopqrstuv',
  language: 'de',
  issuedAt: '2026-11-23T08:15:00.000Z',
  callCount: 0,
  documents: ['Mietvertrag'],
  ...changes,
});

const ok = { online: true, coverOpen: false, paperNearEnd: false, paperOut: false };

describe('what is printed', () => {
  it('takes the ticket in its language, the office, and the full phone URL', () => {
    expect(toPrintable(view(), office, 'http://lotse.local:3000')).toEqual({
      officeName: office.name,
      number: 'W-017',
      concernName: 'Wohngeld',
      issuedAt: Date.parse('2026-11-23T08:15:00.000Z'),
      timezone: 'Europe/Berlin',
      waitingAhead: 3,
      estimatedWaitMinutes: 14,
      documents: ['Mietvertrag'],
      phoneUrl: 'http://lotse.local:3000/t/abcdefghijklmnopqrstuv',
      language: 'de',
      officePhone: office.contact?.phone,
    });
  });

  it('prints an appointment ticket with its time; no office phone when the office has none', () => {
    const ticket = toPrintable(view({ appointmentAt: '2026-11-23T09:30:00.000Z' }), { ...office, contact: {} }, 'x');
    expect(ticket.appointmentAt).toBe(Date.parse('2026-11-23T09:30:00.000Z'));
    expect(ticket.officePhone).toBeUndefined();
    expect(toPrintable(view(), office, 'x').appointmentAt).toBeUndefined();
  });

  it('adds the German texts for printers that cannot show the ticket language', () => {
    const ticket = toPrintable(
      view({ language: 'ar', concernName: 'إعانة السكن', documents: ['عقد الإيجار'] }),
      office,
      'x',
    );
    expect(ticket.concernName).toBe('إعانة السكن');
    expect(ticket.fallback).toEqual({
      concernName: 'Wohngeld',
      documents: ['Personalausweis oder Pass', 'Mietvertrag', 'Einkommensnachweise der letzten 3 Monate'],
    });
  });

  it('lists every concern of a visit in order with its documents; a one-concern ticket has no list', () => {
    expect(toPrintable(view(), office, 'x').concerns).toBeUndefined();
    const two = view({
      concerns: [
        { concernId: 'housing', concernName: 'Wohngeld', status: 'waiting', due: true },
        { concernId: 'certificates', concernName: 'Bescheinigungen', status: 'waiting' },
      ],
    });
    expect(toPrintable(two, office, 'x').concerns).toEqual([
      {
        name: 'Wohngeld',
        documents: ['Personalausweis oder Pass', 'Mietvertrag', 'Einkommensnachweise der letzten 3 Monate'],
      },
      { name: 'Bescheinigungen', documents: ['Personalausweis oder Pass'] },
    ]);
    const english = toPrintable({ ...two, language: 'en' }, office, 'x').concerns;
    expect(english?.[1]?.fallback).toEqual({ name: 'Bescheinigungen', documents: ['Personalausweis oder Pass'] });
  });

  it('builds the base URL from LOTSE_PUBLIC_URL or the request', () => {
    expect(publicBaseUrl('https://lotse.example.org/', 'http', 'ignored:1')).toBe('https://lotse.example.org');
    expect(publicBaseUrl(undefined, 'https', 'kiosk.amt.local')).toBe('https://kiosk.amt.local');
    expect(publicBaseUrl(undefined, 'http', undefined)).toBe('http://localhost');
  });
});

describe('printer trouble, named for the apps', () => {
  it('maps transport errors to print error codes', () => {
    expect(printErrorOf(new PrinterError('paper-out', 'x'))).toBe('PAPER_OUT');
    expect(printErrorOf(new PrinterError('cover-open', 'x'))).toBe('COVER_OPEN');
    expect(printErrorOf(new PrinterError('unreachable', 'x'))).toBe('PRINTER_UNREACHABLE');
    expect(printErrorOf(new PrinterError('timeout', 'x'))).toBe('PRINTER_TIMEOUT');
    expect(printErrorOf(new PrinterError('connection-lost', 'x'))).toBe('CONNECTION_LOST');
    expect(printErrorOf(new PrinterError('bad-reply', 'x'))).toBe('PRINTER_ERROR');
    expect(printErrorOf(new RangeError('logo too wide'))).toBe('PRINTER_ERROR');
  });

  it('derives state and problem from a status', () => {
    expect(stateOf(undefined)).toBe('unknown');
    expect(stateOf(ok)).toBe('ready');
    expect(stateOf({ ...ok, paperNearEnd: true })).toBe('warning');
    expect(problemOf({ ...ok, online: false, paperOut: true, paperNearEnd: true })).toBe('PAPER_OUT');
    expect(stateOf({ ...ok, online: false, paperOut: true })).toBe('error');
    expect(problemOf({ ...ok, online: false, coverOpen: true })).toBe('COVER_OPEN');
    expect(problemOf({ ...ok, online: false, error: 'cannot connect to 10.0.0.5:9100: connect ECONNREFUSED' })).toBe(
      'PRINTER_UNREACHABLE',
    );
    expect(problemOf({ ...ok, online: false, error: 'autocutter error' })).toBe('PRINTER_OFFLINE');
    expect(problemOf({ ...ok, error: 'recoverable error' })).toBe('PRINTER_ERROR');
    expect(problemOf(ok)).toBeUndefined();
  });
});

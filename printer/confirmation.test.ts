import { describe, expect, it } from 'vitest';
import { confirmationOf } from '../core/confirmation.ts';
import { makeOffice } from '../core/test-fixtures.ts';
import type { Appointment } from '../core/types.ts';
import { renderConfirmation } from './confirmation.ts';
import { decode, summarize } from './decode.ts';

const office = makeOffice((o) => {
  o.contact = { phone: '0461 85-2100', email: 'termine@example.org', address: 'Rathausplatz 1' };
});
const appointment: Appointment = {
  id: 'a1',
  code: '47110815',
  concernId: 'housing',
  start: Date.parse('2026-11-23T08:20:00Z'),
  counterId: 'desk-2',
};
const url = 'https://lotse.example/appointment/a1';

describe('appointment confirmation on the thermal printer', () => {
  it('prints date, time, place, the grouped code, documents, contact, how to cancel, the QR code of the page and a cut', () => {
    const bytes = renderConfirmation(
      { confirmation: confirmationOf(appointment, office, 'de'), pageUrl: url },
      { paperWidthMm: 80, nativeQr: true, nonLatin: 'german' },
    );
    const job = summarize(decode(bytes));
    expect(job.text).toContain('Ihr Termin');
    expect(job.text).toContain('Montag, 23. November 2026');
    expect(job.text).toContain('09:20');
    expect(job.text).toContain('Platz 2, Rathausplatz 1');
    expect(job.lines).toContain('4711 0815');
    expect(job.text).toContain('Wohngeld');
    expect(job.text).toContain('0461 85-2100');
    expect(job.text).toContain('telefonisch ab');
    expect(job.qr).toEqual([url]);
    expect(job.cuts).toBe(1);
  });

  it('prints Ukrainian through its code page, and the QR code as an image for printers without native QR', () => {
    const bytes = renderConfirmation(
      { confirmation: confirmationOf(appointment, office, 'uk'), pageUrl: url },
      { paperWidthMm: 58, nativeQr: false, nonLatin: 'german' },
    );
    const job = summarize(decode(bytes));
    expect(job.text).toContain('Ваш запис');
    expect(job.qr).toEqual([]);
    expect(job.rasters.length).toBeGreaterThan(0);
  });
});

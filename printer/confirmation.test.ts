import { describe, expect, it } from 'vitest';
import { confirmationOf } from '../core/confirmation.ts';
import { makeOffice } from '../core/test-fixtures.ts';
import type { Appointment, Language } from '../core/types.ts';
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

/** The confirmation in `language` as printed, decoded back. */
const printed = (language: Language, options: Parameters<typeof renderConfirmation>[1]) =>
  summarize(
    decode(renderConfirmation({ confirmation: confirmationOf(appointment, office, language), pageUrl: url }, options)),
  );

describe('appointment confirmation on the thermal printer', () => {
  it('prints date, time, place, the grouped code, documents, contact, how to cancel, the QR code of the page and a cut', () => {
    const job = printed('de', { paperWidthMm: 80, nativeQr: true, nonLatin: 'german' });
    // Heading, date, time, place, concern, the office's phone, how to cancel.
    const texts = ['Ihr Termin', 'Montag, 23. November 2026', '09:20', 'Platz 2, Rathausplatz 1', 'Wohngeld'];
    for (const text of [...texts, '0461 85-2100', 'telefonisch ab']) expect(job.text).toContain(text);
    expect(job.lines).toContain('4711 0815');
    expect(job.qr).toEqual([url]);
    expect(job.cuts).toBe(1);
  });

  it('prints Ukrainian through its code page, and the QR code as an image for printers without native QR', () => {
    const job = printed('uk', { paperWidthMm: 58, nativeQr: false, nonLatin: 'german' });
    expect(job.text).toContain('Ваш запис');
    expect(job.qr).toEqual([]);
    expect(job.rasters.length).toBeGreaterThan(0);
  });
});

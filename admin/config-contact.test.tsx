// @vitest-environment happy-dom
/**
 * The office page's contact for visitors and numbers from on the way, against a stubbed admin
 * API: what is typed goes into the saved configuration, an emptied field is left out, and the
 * server's issue appears at its field.
 */
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { OfficePage } from './config-office.tsx';
import type { OfficeConfig } from '../core/types.ts';
import { baseOffice, resetPage, serveConfig, type, validationFailed, openPage, accepted } from './config-test-kit.ts';

const office = () =>
  baseOffice({
    contact: { address: 'Rathausplatz 1' },
    concerns: [
      { id: 'housing', prefix: 'W', name: 'Wohngeld' },
      { id: 'online', prefix: 'O', name: 'Online', infoUrl: 'https://example.org' },
    ],
  });

afterEach(resetPage);

describe('office page: contact and numbers from on the way', () => {
  it('saves what is typed and shows the server issue at its field', async () => {
    const puts = serveConfig(office, (body, round) =>
      round === 1
        ? validationFailed([{ path: 'contact.email', code: 'INVALID', message: 'Invalid email address' }])
        : accepted(body),
    );
    await openPage(OfficePage, 'office-contact-phone');
    expect((screen.getByTestId('office-contact-address') as HTMLInputElement).value).toBe('Rathausplatz 1');
    // Only concerns that give tickets can give numbers from on the way.
    expect(screen.queryByTestId('office-remote-online')).toBeNull();

    type('office-contact-phone', '0461 85-0');
    type('office-contact-email', 'kein-at');
    type('office-contact-address', '');
    type('office-remote-quota', '20');
    fireEvent.click(screen.getByTestId('office-remote-housing'));
    fireEvent.change(screen.getByTestId('office-remote-unconfirmed'), { target: { value: 'call' } });
    fireEvent.click(screen.getByTestId('config-save'));

    await waitFor(() => expect(screen.getByTestId('office-contact-email').getAttribute('aria-invalid')).toBe('true'));
    const sent = puts[0]?.office as OfficeConfig;
    expect(sent.contact).toEqual({ phone: '0461 85-0', email: 'kein-at' });
    expect(sent.remoteQuota).toBe(20);
    expect(sent.remoteUnconfirmed).toBe('call');
    expect(sent.concerns[0]?.remote).toBe(true);

    type('office-contact-email', 'amt@example.org');
    expect(screen.getByTestId('office-contact-email').getAttribute('aria-invalid')).toBeNull();
    fireEvent.click(screen.getByTestId('config-save'));
    await waitFor(() => expect(screen.getByTestId('config-status').textContent).toContain('Gespeichert'));
    expect(puts[1]?.office.contact).toEqual({ phone: '0461 85-0', email: 'amt@example.org' });
  });
});

// @vitest-environment happy-dom
/**
 * The kiosks page against a stubbed admin API: a kiosk gets its id from its name and a printer
 * of each kind (network, device under the allow-list, print agent with a generated key, test
 * printer, none, the server's); the server's issue codes show in German at the printer.
 */
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { applyPrinterChoice, KiosksPage } from './config-kiosks.tsx';
import { newAgentKey, printerChoice, printerSetting } from './kiosk-printer.ts';
import type { KioskConfig } from '../core/types.ts';
import { baseOffice, resetPage, serveConfig, type, validationFailed, openPage, accepted } from './config-test-kit.ts';

const office = () => baseOffice();

/** The device files the server allows for printers. */
const PLACES = { '/api/admin/printer-places': { devices: ['/dev/usb/lp*'] } };

afterEach(resetPage);

const choose = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('kiosk printers', () => {
  it('reads and writes every kind of printer setting', () => {
    expect(printerChoice(undefined)).toEqual({ kind: 'default' });
    expect(printerChoice('tcp://192.168.1.50:9101?paper=58')).toEqual({
      kind: 'tcp',
      host: '192.168.1.50',
      port: '9101',
      query: 'paper=58',
    });
    expect(printerChoice('file:/dev/usb/lp0')).toEqual({ kind: 'device', path: '/dev/usb/lp0' });
    expect(printerChoice('agent')).toEqual({ kind: 'agent' });
    expect(printerChoice('virtual')).toEqual({ kind: 'virtual' });
    expect(printerChoice('none')).toEqual({ kind: 'none' });
    expect(printerSetting({ kind: 'tcp', host: ' drucker ', port: '9100' })).toBe('tcp://drucker');
    expect(printerSetting({ kind: 'tcp', host: 'drucker', port: '9101', query: 'paper=58' })).toBe(
      'tcp://drucker:9101?paper=58',
    );
    expect(printerSetting({ kind: 'device', path: '/dev/usb/lp1' })).toBe('file:/dev/usb/lp1');
    expect(printerSetting({ kind: 'default' })).toBeUndefined();
    const key = newAgentKey();
    expect(key).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(new Set(key).size).toBeGreaterThanOrEqual(8);
    const kiosk: KioskConfig = { id: 'k', name: 'K', printer: 'none' };
    applyPrinterChoice(kiosk, { kind: 'agent' }, () => 'key');
    expect(kiosk).toEqual({ id: 'k', name: 'K', printer: 'agent', agentKey: 'key' });
    applyPrinterChoice(kiosk, { kind: 'default' });
    expect(kiosk).toEqual({ id: 'k', name: 'K' });
  });

  it('adds a kiosk, sets its printer and shows the server issue at the printer in German', async () => {
    const puts = serveConfig(
      office,
      (body) =>
        puts.length === 1
          ? validationFailed([
              {
                path: 'kiosks.0.printer',
                code: 'DEVICE_NOT_ALLOWED',
                params: { allowed: '/dev/usb/lp*' },
                message: 'device file /dev/sda is not allowed',
              },
            ])
          : accepted(body),
      PLACES,
    );
    const model = await openPage(KiosksPage, 'kiosks-empty');
    fireEvent.click(screen.getByTestId('kiosk-add'));
    type('kiosk-name-0', 'Eingang Nord');
    expect(model.draft.value?.kiosks?.[0]).toEqual({ id: 'eingang-nord', name: 'Eingang Nord', printer: 'none' });

    choose('kiosk-printer-kind-0', 'tcp');
    type('kiosk-printer-host-0', '192.168.1.50');
    expect(model.draft.value?.kiosks?.[0]?.printer).toBe('tcp://192.168.1.50');

    choose('kiosk-printer-kind-0', 'agent');
    const key = model.draft.value?.kiosks?.[0]?.agentKey ?? '';
    expect(key).toHaveLength(32);
    expect(screen.getByTestId('kiosk-agent-key-0').textContent).toBe(key);
    fireEvent.click(screen.getByTestId('kiosk-agent-new-key-0'));
    expect(model.draft.value?.kiosks?.[0]?.agentKey).not.toBe(key);

    choose('kiosk-printer-kind-0', 'device');
    await waitFor(() => expect(screen.getByTestId('kiosk-card-0').textContent).toContain('/dev/usb/lp*'));
    type('kiosk-printer-path-0', '/dev/sda');
    expect(model.draft.value?.kiosks?.[0]).toEqual({
      id: 'eingang-nord',
      name: 'Eingang Nord',
      printer: 'file:/dev/sda',
    });
    fireEvent.click(screen.getByTestId('config-save'));
    await screen.findByTestId('config-issues');
    expect(document.getElementById('cfg-kiosks-0-printer-issues')?.textContent).toContain('nicht freigegeben');
    expect(screen.getByTestId('config-issues').textContent).toContain('Kiosk „Eingang Nord“ – Drucker');

    type('kiosk-printer-path-0', '/dev/usb/lp0');
    choose('kiosk-printer-kind-0', 'default');
    choose('kiosk-printer-kind-0', 'device');
    expect(model.draft.value?.kiosks?.[0]?.printer).toBe('file:/dev/usb/lp0');
    fireEvent.click(screen.getByTestId('config-save'));
    await waitFor(() => expect(puts).toHaveLength(2));
    expect(puts[1]?.office.kiosks).toEqual([
      { id: 'eingang-nord', name: 'Eingang Nord', printer: 'file:/dev/usb/lp0' },
    ]);
  });
});

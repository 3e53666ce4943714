import { describe, expect, it } from 'vitest';
import { auditKind, auditNames, auditRaw, auditSentence } from './audit-text.ts';

const names = auditNames({
  counters: [{ id: 'desk-4', name: 'Platz 4' }],
  concerns: [{ id: 'pass', name: 'Pass' }],
});
const at = '2026-12-03T09:00:00.000Z';

describe('audit sentences', () => {
  it('names counters from the configuration, and an unknown id plainly', () => {
    expect(
      auditSentence({ at, username: 'maria', action: 'counter:park', target: 'desk-4', detail: 'W-017' }, names),
    ).toBe('maria hat an Platz 4 die Nummer W-017 zurückgestellt (holt etwas).');
    expect(auditSentence({ at, username: 'maria', action: 'counter:sign-in', target: 'desk-9' }, names)).toBe(
      'maria hat sich an desk-9 angemeldet.',
    );
  });

  it('words statuses, accounts, devices and calls with nobody waiting', () => {
    expect(
      auditSentence({ at, username: 'admin', action: 'counter:setStatus', target: 'desk-4', detail: 'paused' }, names),
    ).toBe('admin hat Platz 4 auf Pause gestellt.');
    expect(auditSentence({ at, username: 'admin', action: 'counter:callNext', target: 'desk-4' }, names)).toContain(
      'niemand wartete',
    );
    expect(
      auditSentence({ at, username: 'admin', action: 'user:create', target: 'maria', detail: 'clerk' }, names),
    ).toBe('admin hat das Konto „maria“ angelegt (Sachbearbeitung).');
    expect(
      auditSentence({ at, username: 'admin', action: 'user:change', target: 'maria', detail: 'role,password' }, names),
    ).toBe('admin hat das Konto „maria“ geändert (Rolle, Passwort).');
    expect(
      auditSentence({ at, username: 'admin', action: 'device:pair', target: 'x', detail: 'kiosk Eingang Nord' }, names),
    ).toBe('admin hat ein Gerät verbunden: Kiosk „Eingang Nord“.');
    expect(auditSentence({ at, username: '-', action: 'config:change', target: 'demo' }, names)).toBe(
      'Jemand ohne Anmeldung hat die Einstellungen des Amts gespeichert.',
    );
  });

  it('shows an unknown action as it is and keeps the raw code', () => {
    const entry = { at, username: 'admin', action: 'robot:dance', target: 'desk-4', detail: 'fast' };
    expect(auditSentence(entry, names)).toBe('admin: robot:dance desk-4 fast');
    expect(auditRaw(entry)).toBe('robot:dance · desk-4 · fast');
  });

  it('sorts actions into kinds', () => {
    expect(auditKind('counter:sign-in')).toBe('sign-in');
    expect(auditKind('session:sign-in')).toBe('sign-in');
    expect(auditKind('counter:noShow')).toBe('counter');
    expect(auditKind('user:remove')).toBe('account');
    expect(auditKind('appointment:book')).toBe('appointment');
    expect(auditKind('robot:dance')).toBe('other');
  });
});

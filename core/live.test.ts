import { describe, expect, it } from 'vitest';
import { thresholdsOf } from './alert-thresholds.ts';
import { alertsForCounter, type LiveInput, liveFigures } from './live.ts';
import { Desk, MINUTE, makeOffice } from './test-fixtures.ts';
import type { OfficeConfig } from './types.ts';

const MONDAY_9 = '2026-03-02T08:00:00Z';

function input(desk: Desk, patch: Partial<LiveInput> = {}): LiveInput {
  return {
    office: desk.office,
    day: desk.state,
    now: desk.now,
    thresholds: thresholdsOf(desk.office),
    devices: [],
    printers: [],
    pausedSince: {},
    ...patch,
  };
}

const concern = (desk: Desk, id: string, patch: Partial<LiveInput> = {}) =>
  liveFigures(input(desk, patch)).concerns.find((c) => c.concernId === id);

describe('waits against the thresholds', () => {
  it('given two visitors waiting 19 minutes, then certificates are ok and nothing is raised', () => {
    const desk = new Desk(makeOffice(), MONDAY_9);
    desk.issue('certificates');
    desk.issue('certificates');
    desk.advance(19);
    const figures = liveFigures(input(desk));
    expect(figures.concerns.find((c) => c.concernId === 'certificates')).toMatchObject({
      waiting: 2,
      longestWaitMinutes: 19,
      targetWaitMinutes: 20,
      level: 'ok',
    });
    expect(figures.alerts).toEqual([]);
  });

  it('given one visitor past 20 and one past 40 minutes, then the alert is critical and counts the one past 40', () => {
    const desk = new Desk(makeOffice(), MONDAY_9);
    desk.issue('certificates');
    desk.advance(25);
    desk.issue('certificates');
    desk.advance(20);
    const figures = liveFigures(input(desk));
    expect(figures.alerts).toEqual([
      {
        id: 'wait:certificates',
        kind: 'wait',
        level: 'critical',
        message: '1 Person wartet länger als 40 Minuten – Bescheinigungen',
        concernId: 'certificates',
      },
    ]);
  });

  it("given the office's target wait of 10 minutes, then the warning comes at 10 and critical at 20", () => {
    const office = makeOffice((o) => {
      o.statsTargetWaitMinutes = 10;
    });
    const desk = new Desk(office, MONDAY_9);
    desk.issue('housing');
    desk.advance(10);
    expect(concern(desk, 'housing')?.level).toBe('warning');
    desk.advance(10);
    expect(concern(desk, 'housing')?.level).toBe('critical');
  });

  it('given a concern with its own levels, then those apply to it and not to others', () => {
    const office: OfficeConfig = makeOffice((o) => {
      o.alertThresholds = { concernWaitMinutes: { documents: { warning: 5, critical: 10 } } };
    });
    const desk = new Desk(office, MONDAY_9);
    desk.issue('documents');
    desk.issue('housing');
    desk.advance(6);
    expect(concern(desk, 'documents')).toMatchObject({ level: 'warning', targetWaitMinutes: 5 });
    expect(concern(desk, 'housing')?.level).toBe('ok');
  });

  it('given calling the waiting visitor, then the wait alert is gone', () => {
    const desk = new Desk(makeOffice(), MONDAY_9);
    desk.issue('housing');
    desk.advance(30);
    expect(liveFigures(input(desk)).alerts.map((a) => a.id)).toEqual(['wait:housing']);
    desk.setStatus('desk-2', 'open');
    desk.call('desk-2');
    expect(liveFigures(input(desk)).alerts).toEqual([]);
  });
});

describe('people per open counter', () => {
  it('given nine waiting for housing and one open counter, then a load warning names both', () => {
    const desk = new Desk(makeOffice(), MONDAY_9);
    desk.setStatus('desk-2', 'open');
    for (let i = 0; i < 9; i++) desk.issue('housing');
    const alert = liveFigures(input(desk)).alerts.find((a) => a.kind === 'load');
    expect(alert).toMatchObject({ level: 'warning', message: '9 Personen warten auf 1 offenen Platz – Wohngeld' });
    desk.setStatus('desk-4', 'open');
    expect(liveFigures(input(desk)).alerts.find((a) => a.kind === 'load')).toBeUndefined();
  });
});

describe('counters', () => {
  it('given a counter paused 20 minutes for lunch, then it warns with the reason', () => {
    const desk = new Desk(makeOffice(), MONDAY_9);
    desk.setStatus('desk-3', 'paused', 'Mittagspause');
    const pausedAt = desk.now;
    desk.advance(20);
    const figures = liveFigures(input(desk, { pausedSince: { 'desk-3': pausedAt } }));
    expect(figures.counters.find((c) => c.counterId === 'desk-3')).toMatchObject({
      status: 'paused',
      pauseReason: 'Mittagspause',
      pausedMinutes: 20,
      level: 'warning',
    });
    expect(figures.alerts.map((a) => a.message)).toEqual(['Platz 3 seit 20 Minuten in Pause (Mittagspause)']);
  });

  it('given a visitor called and then the counter closed, then the number is stranded', () => {
    const desk = new Desk(makeOffice(), MONDAY_9);
    desk.issue('housing');
    desk.setStatus('desk-2', 'open');
    const called = desk.call('desk-2');
    desk.advance(3);
    const serving = liveFigures(input(desk));
    expect(serving.counters.find((c) => c.counterId === 'desk-2')).toMatchObject({
      ticketNumber: called?.number,
      phase: 'called',
      currentMinutes: 3,
    });
    expect(serving.stranded).toEqual([]);
    desk.setStatus('desk-2', 'closed');
    const figures = liveFigures(input(desk));
    expect(figures.stranded).toEqual([{ ticketNumber: called?.number, counterId: 'desk-2', calledMinutes: 3 }]);
    expect(figures.alerts.map((a) => a.kind)).toEqual(['stranded']);
  });
});

describe('devices and printers', () => {
  it('given a screen gone 3 minutes and a kiosk gone 12, then a warning and a critical alert; a new device none', () => {
    const desk = new Desk(makeOffice(), MONDAY_9);
    const gone = (m: number) => desk.now - m * MINUTE;
    const figures = liveFigures(
      input(desk, {
        devices: [
          {
            id: 's',
            kind: 'screen',
            name: 'Wartezone',
            connected: false,
            lastSeenAt: gone(5),
            disconnectedAt: gone(3),
          },
          { id: 'k', kind: 'kiosk', name: 'Eingang', connected: false, lastSeenAt: gone(12), disconnectedAt: null },
          { id: 'n', kind: 'kiosk', name: 'Neu', connected: false, lastSeenAt: null, disconnectedAt: null },
          { id: 'c', kind: 'screen', name: 'Flur', connected: true, lastSeenAt: gone(30), disconnectedAt: null },
        ],
      }),
    );
    expect(figures.alerts.map((a) => [a.id, a.level, a.message])).toEqual([
      ['device:s', 'warning', 'Anzeige „Wartezone“ seit 3 Minuten nicht verbunden'],
      ['device:k', 'critical', 'Kiosk „Eingang“ seit 12 Minuten nicht verbunden'],
    ]);
  });

  it('given printers out of paper, low, unreachable and switched off, then alerts by severity', () => {
    const desk = new Desk(makeOffice(), MONDAY_9);
    const printer = { online: true, paperNearEnd: false, paperOut: false, coverOpen: false, state: 'ready' as const };
    const figures = liveFigures(
      input(desk, {
        printers: [
          { ...printer, id: 'a', name: 'Kiosk A', state: 'error', paperOut: true },
          { ...printer, id: 'b', name: 'Kiosk B', state: 'warning', paperNearEnd: true },
          { ...printer, id: 'c', name: 'Kiosk C', state: 'error', online: false },
          { ...printer, id: 'd', name: 'Aus', state: 'off', online: false },
        ],
      }),
    );
    expect(figures.printers.map((p) => [p.id, p.level])).toEqual([
      ['a', 'critical'],
      ['b', 'warning'],
      ['c', 'critical'],
      ['d', 'ok'],
    ]);
    expect(figures.alerts.map((a) => [a.id, a.level, a.message])).toEqual([
      ['printer:a', 'critical', 'Drucker „Kiosk A“: kein Papier'],
      ['printer:b', 'warning', 'Drucker „Kiosk B“: Papier geht zur Neige'],
      ['printer:c', 'critical', 'Drucker „Kiosk C“: nicht erreichbar'],
    ]);
  });
});

describe('appointment holders', () => {
  it('given an appointment holder waiting 12 minutes past the slot, then a warning for the concern', () => {
    const desk = new Desk(makeOffice(), MONDAY_9);
    const slot = desk.now;
    desk.issue('housing', {
      appointment: { id: 'a1', code: '12345678', concernId: 'housing', start: slot },
    });
    desk.advance(12);
    const alert = liveFigures(input(desk)).alerts.find((a) => a.kind === 'appointment');
    expect(alert?.message).toBe('1 Person mit Termin wartet über 10 Minuten nach ihrer Zeit – Wohngeld');
  });
});

describe('alerts for a counter', () => {
  it('given alerts of several concerns, then a counter sees those it serves only', () => {
    const office = makeOffice();
    const alerts = [
      { id: 'wait:housing', concernId: 'housing' },
      { id: 'wait:education', concernId: 'education' },
      { id: 'device:x' },
    ];
    expect(alertsForCounter(alerts, office, 'desk-2').map((a) => a.id)).toEqual(['wait:housing']);
    expect(alertsForCounter(alerts, office, 'desk-3').map((a) => a.id)).toEqual(['wait:education']);
  });
});

/**
 * The manager's live view: from the live day, the devices and printers, the thresholds and the
 * instant `now`, the figures per concern and counter and the alerts that hold right now. Pure:
 * no clock, no I/O; when an alert began (`since`) is tracked in `core/alerts.ts`.
 */
import { type AlertThresholds, type Level, type LevelPair, levelOf } from './alert-thresholds.ts';
import type { PrinterState } from './events.ts';
import type { DayState, OfficeConfig, Ticket } from './types.ts';
import { currentPartIndex, visitParts } from './visit.ts';
import { openTickets } from './open-tickets.ts';

export type { Level } from './alert-thresholds.ts';

export const ALERT_KINDS = ['wait', 'load', 'appointment', 'paused', 'stranded', 'device', 'printer'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** An alert as the rules see it now (without `since`). */
export interface RawAlert {
  /** Stable while the same cause holds: `wait:housing`, `device:<id>`. */
  id: string;
  kind: AlertKind;
  level: Exclude<Level, 'ok'>;
  /** German, for staff: "3 Personen warten länger als 20 Minuten – Bescheinigungen". */
  message: string;
  concernId?: string;
  counterId?: string;
  deviceId?: string;
  printerId?: string;
}

export interface LiveDeviceInput {
  id: string;
  kind: 'kiosk' | 'screen';
  name: string;
  connected: boolean;
  lastSeenAt: number | null;
  /** When this process saw its last connection end (null: connected, or never seen here). */
  disconnectedAt: number | null;
}

export interface LivePrinterInput {
  id: string;
  name: string;
  state: PrinterState;
  online: boolean;
  paperNearEnd: boolean;
  paperOut: boolean;
  coverOpen: boolean;
  /** When the printer was last asked for its status (ISO; null: not yet). */
  checkedAt?: string | null;
}

export interface LiveInput {
  office: OfficeConfig;
  day: DayState;
  now: number;
  thresholds: AlertThresholds;
  devices: LiveDeviceInput[];
  printers: LivePrinterInput[];
  /** When each paused counter was first seen paused. */
  pausedSince: Record<string, number>;
  /** The queue's wait estimate per concern, minutes (`core/estimate.ts`). */
  estimates?: Record<string, number>;
}

export interface LiveConcern {
  concernId: string;
  name: string;
  waiting: number;
  longestWaitMinutes: number;
  estimatedWaitMinutes: number;
  /** The warning level of the longest wait: the office's target for this concern. */
  targetWaitMinutes: number;
  openCounters: number;
  level: Level;
}

export interface LiveCounter {
  counterId: string;
  name: string;
  status: 'open' | 'paused' | 'closed';
  ticketNumber?: string;
  /** `called` (visitor on the way) or `serving` (service started). */
  phase?: 'called' | 'serving';
  /** Minutes since the current visitor was called or the service started. */
  currentMinutes?: number;
  pauseReason?: string;
  pausedMinutes?: number;
  level: Level;
}

export interface LiveDevice {
  id: string;
  kind: 'kiosk' | 'screen';
  name: string;
  connected: boolean;
  lastSeenAt: string | null;
  level: Level;
}

export interface LivePrinter {
  id: string;
  name: string;
  state: PrinterState;
  online: boolean;
  checkedAt: string | null;
  level: Level;
}

export interface LiveStranded {
  ticketNumber: string;
  counterId: string;
  calledMinutes: number;
}

export interface LiveFigures {
  officeId: string;
  officeName: string;
  concerns: LiveConcern[];
  counters: LiveCounter[];
  devices: LiveDevice[];
  printers: LivePrinter[];
  stranded: LiveStranded[];
  alerts: RawAlert[];
}

const MINUTE = 60_000;
const minutesBetween = (from: number, to: number) => Math.max(0, Math.floor((to - from) / MINUTE));
const worst = (levels: Level[]): Level =>
  levels.includes('critical') ? 'critical' : levels.includes('warning') ? 'warning' : 'ok';
/** Since when a waiting visitor waits for the part now due (an appointment: from the later of slot and arrival). */
export function waitingSince(t: Ticket): number {
  const parts = visitParts(t);
  const due = parts[currentPartIndex(parts)]?.dueAt ?? t.issuedAt;
  return t.appointmentAt !== undefined ? Math.max(due, t.appointmentAt) : due;
}

const people = (n: number) => (n === 1 ? '1 Person wartet' : `${n} Personen warten`);

/** The threshold `level` stands for on `levels`. */
const bound = (levels: LevelPair, level: Level) => (level === 'critical' ? levels.critical : levels.warning);

function concernFigures(input: LiveInput, alerts: RawAlert[]): LiveConcern[] {
  const { office, day, now, thresholds } = input;
  const waitingBy = new Map<string, Ticket[]>();
  for (const t of openTickets(day.tickets)) {
    if (t.status !== 'waiting' || t.parked) continue;
    const list = waitingBy.get(t.concernId) ?? [];
    list.push(t);
    waitingBy.set(t.concernId, list);
  }
  return office.concerns
    .filter((c) => !c.infoUrl)
    .map((concern) => {
      const waiting = waitingBy.get(concern.id) ?? [];
      const waits = waiting.map((t) => minutesBetween(waitingSince(t), now));
      const longest = waits.reduce((a, b) => Math.max(a, b), 0);
      const open = office.counters.filter(
        (c) => c.concernIds.includes(concern.id) && day.counters[c.id]?.status === 'open',
      ).length;
      const waitLevels = thresholds.concernWaitMinutes[concern.id] ?? thresholds.waitMinutes;
      const waitLevel = waiting.length ? levelOf(longest, waitLevels) : 'ok';
      if (waitLevel !== 'ok') {
        const over = bound(waitLevels, waitLevel);
        const n = waits.filter((w) => w >= over).length;
        alerts.push({
          id: `wait:${concern.id}`,
          kind: 'wait',
          level: waitLevel,
          message: `${people(n)} länger als ${over} Minuten – ${concern.name}`,
          concernId: concern.id,
        });
      }
      const perCounter = waiting.length / Math.max(open, 1);
      const loadLevel = waiting.length ? levelOf(perCounter, thresholds.waitingPerCounter) : 'ok';
      if (loadLevel !== 'ok') {
        alerts.push({
          id: `load:${concern.id}`,
          kind: 'load',
          level: loadLevel,
          message: `${people(waiting.length)} auf ${open === 1 ? '1 offenen Platz' : `${open} offene Plätze`} – ${concern.name}`,
          concernId: concern.id,
        });
      }
      const late = waiting
        .filter((t) => t.appointmentAt !== undefined)
        .map((t) => minutesBetween(t.appointmentAt as number, now));
      const lateLevel = levelOf(
        late.reduce((a, b) => Math.max(a, b), -1),
        thresholds.appointmentLateMinutes,
      );
      if (late.length && lateLevel !== 'ok') {
        const over = bound(thresholds.appointmentLateMinutes, lateLevel);
        const n = late.filter((m) => m >= over).length;
        alerts.push({
          id: `appointment:${concern.id}`,
          kind: 'appointment',
          level: lateLevel,
          message: `${n === 1 ? '1 Person mit Termin wartet' : `${n} Personen mit Termin warten`} über ${over} Minuten nach ihrer Zeit – ${concern.name}`,
          concernId: concern.id,
        });
      }
      const estimate = input.estimates?.[concern.id] ?? 0;
      return {
        concernId: concern.id,
        name: concern.name,
        waiting: waiting.length,
        longestWaitMinutes: longest,
        estimatedWaitMinutes: estimate,
        targetWaitMinutes: waitLevels.warning,
        openCounters: open,
        level: worst([waitLevel, loadLevel, late.length ? lateLevel : 'ok']),
      };
    });
}

function counterFigures(input: LiveInput, alerts: RawAlert[]): { counters: LiveCounter[]; stranded: LiveStranded[] } {
  const { office, day, now, thresholds } = input;
  // Only open tickets matter here (a counter's current visitor is called): a long day's
  // finished ones are not looked at.
  const open = openTickets(day.tickets);
  const byId = new Map(open.map((t) => [t.id, t]));
  const counters = office.counters.map((counter): LiveCounter => {
    const state = day.counters[counter.id];
    const status = state?.status ?? 'closed';
    const view: LiveCounter = { counterId: counter.id, name: counter.name, status, level: 'ok' };
    const current = state?.currentTicketId ? byId.get(state.currentTicketId) : undefined;
    if (current && current.status === 'called') {
      view.ticketNumber = current.number;
      view.phase = current.servedAt !== undefined ? 'serving' : 'called';
      view.currentMinutes = minutesBetween(current.servedAt ?? current.calledAt ?? now, now);
    }
    if (status === 'paused') {
      if (state?.pauseReason) view.pauseReason = state.pauseReason;
      const since = input.pausedSince[counter.id] ?? now;
      view.pausedMinutes = minutesBetween(since, now);
      view.level = levelOf(view.pausedMinutes, thresholds.pausedMinutes);
      if (view.level !== 'ok') {
        alerts.push({
          id: `paused:${counter.id}`,
          kind: 'paused',
          level: view.level,
          message: `${counter.name} seit ${view.pausedMinutes} Minuten in Pause${view.pauseReason ? ` (${view.pauseReason})` : ''}`,
          counterId: counter.id,
        });
      }
    }
    return view;
  });
  // A number stays "called" although its counter no longer has it (closed, or the clerk left).
  const stranded: LiveStranded[] = [];
  for (const t of open) {
    if (t.status !== 'called' || !t.counterId) continue;
    const state = day.counters[t.counterId];
    if (state && state.currentTicketId === t.id && state.status !== 'closed') continue;
    const entry = {
      ticketNumber: t.number,
      counterId: t.counterId,
      calledMinutes: minutesBetween(t.calledAt ?? now, now),
    };
    stranded.push(entry);
    const name = office.counters.find((c) => c.id === t.counterId)?.name ?? t.counterId;
    alerts.push({
      id: `stranded:${t.id}`,
      kind: 'stranded',
      level: 'warning',
      message: `${t.number} ist aufgerufen, aber ${name} bedient die Nummer nicht mehr`,
      counterId: t.counterId,
    });
  }
  return { counters, stranded };
}

function deviceFigures(input: LiveInput, alerts: RawAlert[]): LiveDevice[] {
  const { now, thresholds } = input;
  return input.devices.map((d) => {
    const last = Math.max(d.disconnectedAt ?? 0, d.lastSeenAt ?? 0);
    // A device never seen since it was paired is not yet set up: no alert.
    const level =
      d.connected || last === 0 ? 'ok' : levelOf(minutesBetween(last, now), thresholds.deviceOfflineMinutes);
    if (level !== 'ok') {
      const what = d.kind === 'kiosk' ? 'Kiosk' : 'Anzeige';
      alerts.push({
        id: `device:${d.id}`,
        kind: 'device',
        level,
        message: `${what} „${d.name}“ seit ${minutesBetween(last, now)} Minuten nicht verbunden`,
        deviceId: d.id,
      });
    }
    return {
      id: d.id,
      kind: d.kind,
      name: d.name,
      connected: d.connected,
      lastSeenAt: last ? new Date(last).toISOString() : null,
      level,
    };
  });
}

function printerFigures(input: LiveInput, alerts: RawAlert[]): LivePrinter[] {
  return input.printers.map((p) => {
    const view: LivePrinter = {
      id: p.id,
      name: p.name,
      state: p.state,
      online: p.online,
      checkedAt: p.checkedAt ?? null,
      level: 'ok',
    };
    if (p.state === 'off' || p.state === 'unknown') return view;
    let problem: { level: 'warning' | 'critical'; text: string } | null = null;
    if (!p.online) problem = { level: 'critical', text: 'nicht erreichbar' };
    else if (p.paperOut) problem = { level: 'critical', text: 'kein Papier' };
    else if (p.coverOpen) problem = { level: 'critical', text: 'Deckel offen' };
    else if (p.state === 'error') problem = { level: 'critical', text: 'druckt nicht' };
    else if (p.paperNearEnd) problem = { level: 'warning', text: 'Papier geht zur Neige' };
    if (problem) {
      view.level = problem.level;
      alerts.push({
        id: `printer:${p.id}`,
        kind: 'printer',
        level: problem.level,
        message: `Drucker „${p.name}“: ${problem.text}`,
        printerId: p.id,
      });
    }
    return view;
  });
}

/** Everything the live view shows, and the alerts in force, at `input.now`. */
export function liveFigures(input: LiveInput): LiveFigures {
  const alerts: RawAlert[] = [];
  const concerns = concernFigures(input, alerts);
  const { counters, stranded } = counterFigures(input, alerts);
  const devices = deviceFigures(input, alerts);
  const printers = printerFigures(input, alerts);
  return {
    officeId: input.office.id,
    officeName: input.office.name,
    concerns,
    counters,
    devices,
    printers,
    stranded,
    alerts,
  };
}

/** The concerns a counter serves: the alerts its clerks see in the banner. */
export function alertsForCounter<A extends { concernId?: string | undefined }>(
  alerts: readonly A[],
  office: OfficeConfig,
  counterId: string,
): A[] {
  const serves = new Set(office.counters.find((c) => c.id === counterId)?.concernIds ?? []);
  return alerts.filter((a) => a.concernId !== undefined && serves.has(a.concernId));
}

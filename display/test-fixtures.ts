/** Small builders for the lobby screen's unit tests (no DOM, no server). */
import { afterEach, beforeEach, vi } from 'vitest';
import type { CalledView, CallView, OfficePublic, QueueSnapshot } from '../core/api.ts';
import { FakeSocket as SharedFakeSocket } from '../test/helpers/fake-socket.ts';
import type { ScreenSocket } from './state.ts';

export function office(overrides: Partial<OfficePublic> = {}): OfficePublic {
  return {
    id: 'test',
    name: 'Test office',
    timezone: 'Europe/Berlin',
    openingHours: { weekly: {}, closedDays: [] },
    enforceOpeningHours: false,
    concerns: [
      { id: 'housing', prefix: 'W', name: 'Wohngeld' },
      { id: 'education', prefix: 'B', name: 'Bildung' },
      { id: 'documents', prefix: 'U', name: 'Unterlagen' },
    ],
    counters: [
      { id: 'desk-1', name: 'Platz 1', concernIds: ['documents', 'housing'], area: 'Erdgeschoss' },
      { id: 'desk-2', name: 'Platz 2', concernIds: ['housing'], area: 'Erdgeschoss' },
      { id: 'desk-3', name: 'Platz 3', concernIds: ['education'], area: '1. Stock' },
    ],
    announcements: {
      language: 'de',
      templates: { de: 'Nummer {number}, bitte zu {counter}.', en: 'Number {number}, please go to {counter}.' },
    },
    kioskResetSeconds: 30,
    ...overrides,
  } as OfficePublic;
}

const COUNTER_NAMES: Record<string, string> = { 'desk-1': 'Platz 1', 'desk-2': 'Platz 2', 'desk-3': 'Platz 3' };

export function call(seq: number, number: string, counterId = 'desk-1', recall = false): CallView {
  return {
    seq,
    number,
    concernId: 'housing',
    counterId,
    counterName: COUNTER_NAMES[counterId] ?? counterId,
    calledAt: new Date(Date.UTC(2026, 0, 5, 9, 0, seq)).toISOString(),
    recall,
  };
}

export function current(c: CallView): CalledView {
  return {
    number: c.number,
    concernId: c.concernId,
    counterId: c.counterId,
    counterName: c.counterName,
    calledAt: c.calledAt,
  };
}

export function snapshot(seq: number, called: CallView[] = [], waiting: QueueSnapshot['waiting'] = []): QueueSnapshot {
  return { seq, called: called.map(current), waiting, day: '2026-01-05' };
}

export interface JoinRequest {
  req: { afterSeq?: number };
  reply: (err: Error | null, answer?: unknown) => void;
}

/** The shared fake socket, not connected at first, with `screen:join` answered by hand. */
export class FakeSocket extends SharedFakeSocket {
  constructor() {
    super({ connected: false });
    this.hold('screen:join');
  }

  /** Open joins, oldest first. */
  get joins(): JoinRequest[] {
    return this.held as JoinRequest[];
  }

  fire(event: string, ...args: unknown[]): void {
    this.push(event, ...args);
  }

  /** Answers the oldest open join. */
  answerJoin(data: {
    office: OfficePublic;
    queue: QueueSnapshot;
    missed?: CallView[];
    recent?: CallView[];
  }): JoinRequest {
    const join = this.joins.shift();
    if (!join) throw new Error('no join pending');
    join.reply(null, { ok: true, data: { missed: [], recent: [], ...data } });
    return join;
  }

  asScreenSocket(): ScreenSocket {
    return this as unknown as ScreenSocket;
  }
}

/** Fake timers in every test of the calling file, each test with a fresh clock. */
export function fakeTimersInEachTest(): void {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}

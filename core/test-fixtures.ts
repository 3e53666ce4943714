/**
 * Helpers for the unit tests of `core/` (not a test file itself).
 *
 * Instants in the tests are written as UTC ISO strings (`at('2026-03-02T08:00:00Z')`) and the
 * local Berlin time is noted beside them, so expectations never depend on the code under test.
 */
import demoJson from '../server/demo-office.json' with { type: 'json' };
import {
  callNext,
  complete,
  emptyDay,
  issueTicket,
  markNoShow,
  recall,
  rollDay,
  setCounterStatus,
  transfer,
} from './queue.ts';
import type { FinishOptions, IssueInput } from './queue.ts';
import type { Result } from './result.ts';
import type { Appointment, CounterStatus, DayState, Language, OfficeConfig, Ticket } from './types.ts';

export const MINUTE = 60_000;

/** Epoch milliseconds of an ISO instant. */
export function at(iso: string): number {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`bad instant ${iso}`);
  return t;
}

/** Recursively freezes a value so that any mutation by the code under test throws. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value as object)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** The value of a successful result; throws with the error code otherwise. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error}`);
  return result.value;
}

/** The error code of a failed result; throws when it succeeded. */
export function errorOf<T>(result: Result<T>): string {
  if (result.ok) throw new Error('expected an error, got ok');
  return result.error;
}

/** A fresh copy of the demo office (Europe/Berlin), optionally changed by `patch`. */
export function makeOffice(patch?: (office: OfficeConfig) => void): OfficeConfig {
  const office = structuredClone(demoJson) as OfficeConfig;
  patch?.(office);
  return office;
}

export function concernOf(office: OfficeConfig, id: string) {
  const concern = office.concerns.find((c) => c.id === id);
  if (!concern) throw new Error(`no concern ${id}`);
  return concern;
}

/** A ticket built by hand, for the policy and view functions. */
export function makeTicket(fields: Partial<Ticket> & Pick<Ticket, 'id' | 'concernId' | 'issuedAt'>): Ticket {
  return {
    token: `tok-${fields.id}`,
    number: `X-${fields.id}`,
    day: '2026-03-02',
    status: 'waiting',
    language: 'de',
    source: 'kiosk',
    callCount: 0,
    ...fields,
  };
}

export interface IssueOptions {
  id?: string;
  language?: Language;
  source?: 'kiosk' | 'staff';
  appointment?: Appointment;
  /** Further concerns of the same visit. */
  later?: string[];
}

/**
 * A small driver around the pure queue functions: it keeps the current state and clock, so a
 * test reads as a story. Every action asserts success; use the pure functions directly to
 * test refusals.
 */
export class Desk {
  state: DayState;
  now: number;
  private serial = 0;

  constructor(
    readonly office: OfficeConfig,
    start: string,
    day?: string,
  ) {
    this.now = at(start);
    this.state = emptyDay(day ?? start.slice(0, 10));
  }

  advance(minutes: number): this {
    this.now += minutes * MINUTE;
    return this;
  }

  setNow(iso: string): this {
    this.now = at(iso);
    return this;
  }

  issue(concernId: string, options: IssueOptions = {}): Ticket {
    this.serial += 1;
    const id = options.id ?? `t${String(this.serial).padStart(4, '0')}`;
    const input: IssueInput = {
      id,
      token: `token-${id}`,
      concernId,
      ...(options.later ? { laterConcernIds: options.later } : {}),
      language: options.language ?? 'de',
      source: options.source ?? 'kiosk',
      ...(options.appointment ? { appointment: options.appointment } : {}),
    };
    const outcome = unwrap(issueTicket(this.state, this.office, input, this.now));
    this.state = outcome.state;
    return outcome.value;
  }

  call(counterId: string): Ticket | null {
    const outcome = unwrap(callNext(this.state, this.office, counterId, this.now));
    this.state = outcome.state;
    return outcome.value;
  }

  recall(counterId: string): Ticket {
    const outcome = unwrap(recall(this.state, this.office, counterId, this.now));
    this.state = outcome.state;
    return outcome.value;
  }

  complete(counterId: string, options: FinishOptions = {}): Ticket {
    const outcome = unwrap(complete(this.state, this.office, counterId, this.now, options));
    this.state = outcome.state;
    return outcome.value;
  }

  noShow(counterId: string): Ticket {
    const outcome = unwrap(markNoShow(this.state, this.office, counterId, this.now));
    this.state = outcome.state;
    return outcome.value;
  }

  transfer(counterId: string, concernId: string): Ticket {
    const outcome = unwrap(transfer(this.state, this.office, counterId, concernId, this.now));
    this.state = outcome.state;
    return outcome.value;
  }

  setStatus(counterId: string, status: CounterStatus, reason?: string): this {
    this.state = unwrap(setCounterStatus(this.state, this.office, counterId, status, reason)).state;
    return this;
  }

  rollDay(): boolean {
    const outcome = rollDay(this.state, this.office, this.now);
    this.state = outcome.state;
    return outcome.value;
  }

  ticket(id: string): Ticket {
    const t = this.state.tickets.find((x) => x.id === id);
    if (!t) throw new Error(`no ticket ${id}`);
    return t;
  }
}

/** A desk whose office calls a visitor at most once: one housing visitor, called at desk-2 at `start`. */
export function calledOnceAtMost(start: string): Desk {
  const desk = new Desk(
    makeOffice((o) => {
      o.policy.maxCalls = 1;
    }),
    start,
  );
  desk.issue('housing');
  desk.call('desk-2');
  return desk;
}

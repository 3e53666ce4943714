/**
 * Domain types of Lotse, shared by the server and every app.
 *
 * Times inside the domain are epoch milliseconds (`number`); the HTTP API and
 * the realtime events present them as ISO strings (see `core/api.ts`).
 * No type here holds personal data: a visitor is known only by a ticket number.
 */
import type { Language } from './languages.ts';

export { LANGUAGES, type Language } from './languages.ts';

/** Text in several languages; German is the office's language and always present where text is required. */
export type Translations = Partial<Record<Language, string>>;

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** A span of local wall-clock time, "HH:MM" (24 h). */
export interface TimeRange {
  from: string;
  to: string;
}

export interface OpeningHours {
  /** Opening spans per weekday, local time of the office. A missing day is closed. */
  weekly: Partial<Record<Weekday, TimeRange[]>>;
  /** Local dates (YYYY-MM-DD) on which the office stays closed. */
  closedDays: string[];
}

export interface Concern {
  id: string;
  /** Letter(s) in front of the running number: `W` gives `W-017`. */
  prefix: string;
  /** Name in German (the office's language). */
  name: string;
  names?: Translations;
  /** One plain-language line: "Sie wollen Wohngeld beantragen oder haben Fragen dazu." */
  description?: string;
  descriptions?: Translations;
  /** Documents the visitor should have ready (German), shown on the kiosk and printed. */
  documents?: string[];
  documentsByLanguage?: Partial<Record<Language, string[]>>;
  /** Pictogram key understood by the apps (see `ui/pictograms.tsx`). */
  pictogram?: string;
  /** Tickets per local day; no limit when absent. */
  dailyQuota?: number;
  /** Info-only concern: the kiosk shows this online application instead of a ticket. */
  infoUrl?: string;
  /** Relative priority among walk-ins (default 1). */
  weight?: number;
  /** Expected service time in minutes, used until enough real service times are known. */
  serviceMinutes?: number;
  /** "Nur mit Termin": the kiosk explains how to book instead of drawing a ticket. */
  appointmentOnly?: boolean;
  /** Length of one appointment slot in minutes (default: see `slotRulesOf` in `core/policy.ts`). */
  slotMinutes?: number;
  /** Places per slot: how many visitors of this concern can be seen at once (default 1). */
  slotCapacity?: number;
  /** Visitors may take a number for this concern on the public page before coming (see `core/remote.ts`). */
  remote?: boolean;
}

export interface Counter {
  id: string;
  /** What the visitor reads on screens: "Platz 3". */
  name: string;
  /** Concerns this counter serves, in order of preference. */
  concernIds: string[];
  /** Optional area (floor, wing) so a lobby screen can show only its counters. */
  area?: string;
  /** How announcements say it ("Platz zwei", "Schalter A"); default `name`. */
  spokenName?: string;
  /**
   * The printer at this counter or desk (written like LOTSE_PRINTER), for tickets a
   * receptionist gives out there; without it such tickets are not printed.
   */
  printer?: string;
}

/**
 * The office's queue rules; what each field does is described in one place, the header of
 * `core/policy.ts`. The optional fields have defaults there (`policyOf`), so an office JSON
 * without them keeps its meaning.
 */
export interface QueuePolicyConfig {
  /** Minutes before its slot from which an appointment holder is called first. */
  appointmentLeadMinutes: number;
  /** Minutes after its slot after which an appointment holder joins the walk-in line. */
  appointmentLateMinutes: number;
  /** A walk-in who has waited this long is called before everybody but due appointments. */
  maxWaitMinutes: number;
  /** Calls without showing up after which a ticket becomes a no-show on the next recall. */
  maxCalls: number;
  /**
   * N:1 interleaving of appointment holders and walk-ins at each counter: after N due
   * appointment holders in a row, the counter calls one walk-in if one waits for it.
   * 0 or absent: due appointment holders always go first.
   */
  priorityInterleave?: number;
  /**
   * Minutes of waiting that each step down a counter's list of concerns costs a walk-in
   * (the first concern of `Counter.concernIds` is the counter's own). 0 or absent: the
   * counter's order of preference only breaks ties. Aging still applies.
   */
  preferenceMinutes?: number;
  /** How many minutes before the slot an appointment holder may check in at the kiosk (default 60). */
  appointmentCheckinMinutes?: number;
  /**
   * Minutes past its slot after which an appointment booked for one counter may be called by
   * any other counter serving its concern (default 5).
   */
  appointmentGraceMinutes?: number;
  /** Seconds in which a clerk may take back a no-show, completion or transfer (default 15). */
  undoSeconds?: number;
}

/** How visitors reach the office (shown on the kiosk, the confirmation and the public page). */
export interface OfficeContact {
  phone?: string;
  email?: string;
  address?: string;
  web?: string;
}

export interface AnnouncementConfig {
  /** Wording per language; `{number}` and `{counter}` are replaced. */
  templates: Translations;
  /** Language of the lobby screen's speech. */
  language: Language;
}

export interface OfficeConfig {
  id: string;
  name: string;
  /** IANA time zone, e.g. `Europe/Berlin`. Numbering and opening hours follow it. */
  timezone: string;
  openingHours: OpeningHours;
  /** Hours in which appointments are given and checked in; the opening hours when absent. */
  appointmentHours?: OpeningHours;
  contact?: OfficeContact;
  /** When false the kiosk takes tickets at any hour (the bundled demo office). */
  enforceOpeningHours: boolean;
  concerns: Concern[];
  counters: Counter[];
  policy: QueuePolicyConfig;
  announcements: AnnouncementConfig;
  /** Days after which ticket details are deleted; aggregated statistics stay. */
  retentionDays: number;
  /** Seconds after which the kiosk returns to its start screen. */
  kioskResetSeconds: number;
  /** Production setting: only paired kiosks and screens (or signed-in staff) may draw tickets and show calls. */
  requireDevicePairing?: boolean;
  /** Statistics: the waiting time a visitor should not exceed (share called within it); default 20. */
  statsTargetWaitMinutes?: number;
  /** The office's kiosks, when one needs its own printer (see `KioskConfig`). */
  kiosks?: KioskConfig[];
  /** What a clerk records on completing a part of a visit; none: no outcome is asked. */
  outcomes?: OutcomeConfig[];
  /** Concerns a visitor may choose for one ticket at the kiosk (1 = one concern only; default 3, at most 5). */
  kioskMaxConcerns?: number;
  /** Numbers taken on the public page per local day (all concerns together); none without it. */
  remoteQuota?: number;
  /** A number taken on the way whose visitor has not confirmed arrival at the kiosk: `call` anyway, or `hold` (default). */
  remoteUnconfirmed?: 'call' | 'hold';
}

/** A kiosk the office knows by id (its page is opened as `/kiosk?kiosk=<id>`). */
export interface KioskConfig {
  id: string;
  name: string;
  /**
   * Where this kiosk's tickets are printed, written like LOTSE_PRINTER (`tcp://HOST:PORT`,
   * `file:/dev/usb/lp0`, `virtual`, `none`), or `agent`: the print agent on the kiosk PC
   * (`npm run printer`) prints them. Without it the kiosk prints on LOTSE_PRINTER.
   */
  printer?: string;
  /** With `printer: "agent"`: the key the agent must present (`--key`); any agent may connect without it. */
  agentKey?: string;
}

export const TICKET_STATUSES = ['waiting', 'called', 'done', 'no-show', 'cancelled'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Most concerns one visit may hold (reception; the kiosk offers `kioskMaxConcerns`, default 3). */
export const MAX_VISIT_CONCERNS = 5;
export const DEFAULT_KIOSK_MAX_CONCERNS = 3;

/** What came of a part of a visit, chosen by the clerk on completion ("Unterlagen fehlen"). */
export interface OutcomeConfig {
  id: string;
  /** German name, shown to clerks and in statistics. */
  name: string;
  names?: Translations;
}

/**
 * One concern of a visit. A ticket keeps one number for the whole visit; its parts are served
 * one after another in the order asked, and `Ticket.concernId` is the part now due. While a part
 * is being called or served, the ticket's call fields (`counterId`, `calledAt`, `servedAt`,
 * `callCount`) describe it; when it closes, what the statistics need is kept here.
 */
export interface VisitPart {
  concernId: string;
  /** `waiting` for the part now due and those after it; `called` while at a counter. */
  status: TicketStatus;
  /** The clerk's outcome (an `OutcomeConfig.id`), when the part was completed with one. */
  outcome?: string;
  /** Counter that served it (or where the visitor did not show up). */
  counterId?: string;
  /** When this part became due: the arrival for the first, the end of the part before for later ones. */
  dueAt?: number;
  /** First call for this part (its wait is `firstCalledAt - dueAt`). */
  firstCalledAt?: number;
  /** Start of its service (the clerk's start, else the last call). */
  serviceStart?: number;
  closedAt?: number;
  /** The concern whose clerk sent the visitor here. */
  transferredFrom?: string;
  /** Added by the clerk during the conversation. */
  addedAtCounter?: boolean;
}

export interface Ticket {
  id: string;
  /** Unguessable token of the visitor's phone page (`/t/<token>`). */
  token: string;
  /** What the visitor reads: `W-017`. */
  number: string;
  /** The concern now due: the current part of the visit (see `concerns`). */
  concernId: string;
  /**
   * The visit's concerns in the order they are served (one for a one-concern ticket). Absent
   * on tickets stored before visits had parts: read them with `visitParts` (core/visit.ts).
   */
  concerns?: VisitPart[];
  /** Local day (YYYY-MM-DD, office time zone) the ticket belongs to. */
  day: string;
  status: TicketStatus;
  language: Language;
  issuedAt: number;
  /** Where the ticket came from. */
  source: 'kiosk' | 'staff';
  /** Appointment slot start, when the visitor checked in with an appointment code. */
  appointmentAt?: number;
  appointmentId?: string;
  /** The counter the appointment was booked for: it calls first (see `core/policy.ts`). */
  bookedCounterId?: string;
  counterId?: string;
  calledAt?: number;
  /** How often the ticket has been called (first call + recalls). */
  callCount: number;
  /** When the clerk finished (done / no-show / cancelled). */
  closedAt?: number;
  cancelReason?: string;
  /** Concerns this ticket was transferred from, oldest first. */
  transferredFrom?: string[];
  /** First time the ticket was called (waiting time = firstCalledAt - issuedAt). */
  firstCalledAt?: number;
  /** The kiosk's key for the touch that drew it (a repeated request returns this ticket). */
  idempotencyKey?: string;
  /**
   * When the visitor arrived at the counter and the clerk started (`startService`); the
   * service time is measured from here when set, else from the last call.
   */
  servedAt?: number;
  /**
   * Set on a waiting ticket the clerk put aside (`park`), e.g. while the visitor fetches a
   * document: call-next skips it until it is returned (`returnParked`) or called by number.
   */
  parked?: boolean;
  /** When the ticket was parked (only with `parked`). */
  parkedAt?: number;
  /** Counter that parked the ticket (only with `parked`). */
  parkedBy?: string;
  /**
   * A clerk sent the visitor to this counter (transfer to a counter): only it calls the ticket,
   * first of everybody it serves. Cleared when the ticket is called.
   */
  forCounterId?: string;
  /** Taken on the public page, from on the way (see `core/remote.ts`). */
  remote?: true;
  /** When the visitor of a remote number confirmed arrival at the kiosk. */
  arrivedAt?: number;
}

export type CounterStatus = 'open' | 'paused' | 'closed';

export interface CounterState {
  counterId: string;
  status: CounterStatus;
  pauseReason?: string;
  /** Ticket currently called to / served at this counter. */
  currentTicketId?: string;
  /**
   * Due appointment holders this counter called in a row since its last walk-in
   * (for `QueuePolicyConfig.priorityInterleave`); absent means 0.
   */
  priorityStreak?: number;
  /** The counter's last no-show, completion or transfer, which the clerk may still take back. */
  undo?: UndoRecord;
}

export type UndoableAction = 'no-show' | 'complete' | 'transfer';

/** What one counter action changed, kept so the clerk can take it back within `undoSeconds`. */
export interface UndoRecord {
  action: UndoableAction;
  at: number;
  /** The ticket before the action, restored by the undo. */
  before: Ticket;
  /** The ticket right after the action: the undo is refused once it changed elsewhere. */
  after: Ticket;
  /** The counter before the action. */
  counterBefore: Omit<CounterState, 'undo'>;
  /** The service time a completion added to the estimates (taken out again by the undo). */
  sample?: { concernId: string; minutes: number };
}

/** One call or recall, as shown and announced on the lobby screens. */
export interface CallRecord {
  /** Increases by one with every call and recall of the office, also across days. */
  seq: number;
  ticketId: string;
  number: string;
  concernId: string;
  counterId: string;
  counterName: string;
  at: number;
  recall: boolean;
}

export const APPOINTMENT_STATUSES = ['booked', 'checked-in', 'called', 'done', 'no-show', 'cancelled'] as const;
/** Derived from the appointment and its ticket (see `appointmentStatus` in `core/appointments.ts`). */
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export interface Appointment {
  id: string;
  /** What the visitor types at the kiosk; generated codes are 8 digits. */
  code: string;
  concernId: string;
  start: number;
  /** Set when the visitor checked in at the kiosk. */
  ticketId?: string;
  /** The counter (prepared clerk) that calls this visitor first. */
  counterId?: string;
  /** The id an external booking system gave it (a repeated booking answers the same appointment). */
  externalId?: string;
  /** When it was booked (absent on appointments stored before bookings were recorded). */
  bookedAt?: number;
  /** Staff account that booked it (never visitor data). */
  bookedBy?: string;
  /** The visitor's language for the confirmation. */
  language?: Language;
  /** Set when cancelled; its code then no longer checks in. */
  cancelledAt?: number;
}

/** Everything about the live office day that the queue rules need. */
export interface DayState {
  day: string;
  tickets: Ticket[];
  /** Last running number handed out per concern today. */
  lastNumber: Record<string, number>;
  counters: Record<string, CounterState>;
  /** Latest call sequence number handed out (0 before the first call ever). */
  callSeq: number;
  /** The most recent calls, newest last, capped (see `RECENT_CALLS_CAP`). */
  recentCalls: CallRecord[];
  /** Recent service times per concern in minutes, newest last, capped. */
  serviceMinutes: Record<string, number[]>;
}

export const RECENT_CALLS_CAP = 50;
export const SERVICE_SAMPLES_CAP = 20;

export type Role = 'admin' | 'clerk';

export interface StaffUser {
  username: string;
  role: Role;
  /** Signed in with a generated password: choose a new one first. */
  mustChangePassword?: boolean;
}

/** Warning and critical levels of the live view (schema and defaults: `core/alert-thresholds.ts`). */
export type { AlertThresholdsConfig } from './alert-thresholds.ts';

export interface OfficeConfig {
  /** Warning and critical levels of the live view's alerts; defaults in `core/alert-thresholds.ts`. */
  alertThresholds?: import('./alert-thresholds.ts').AlertThresholdsConfig;
}

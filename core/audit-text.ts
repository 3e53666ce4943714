/**
 * The audit log in the office's words: one German sentence per entry, with the names of
 * counters and concerns from the configuration (an id it does not know is shown as it is), and
 * the kind of an entry for filtering. The raw entry stays available beside it. Pure.
 */

export interface AuditRecord {
  at: string;
  username: string;
  action: string;
  target?: string;
  detail?: string;
}

export interface AuditNames {
  counters: Readonly<Record<string, string>>;
  concerns: Readonly<Record<string, string>>;
}

export const AUDIT_KINDS = ['sign-in', 'counter', 'appointment', 'config', 'account', 'device'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number] | 'other';

export const AUDIT_KIND_LABELS: Record<AuditKind, string> = {
  'sign-in': 'Anmeldungen',
  counter: 'Aufrufe und Bedienung',
  appointment: 'Termine',
  config: 'Einstellungen',
  account: 'Konten',
  device: 'Geräte',
  other: 'Sonstiges',
};

/** The kind of an action, for the filter. */
export function auditKind(action: string): AuditKind {
  if (action.startsWith('session:') || action === 'counter:sign-in') return 'sign-in';
  if (action.startsWith('counter:')) return 'counter';
  if (action.startsWith('appointment:')) return 'appointment';
  if (action.startsWith('config:')) return 'config';
  if (action.startsWith('user:')) return 'account';
  if (action.startsWith('device:')) return 'device';
  return 'other';
}

/** What happened to the visitor's number at a counter: "hat an Platz 4 W-017 aufgerufen". */
const COUNTER_ACTIONS: Record<string, (counter: string, number: string) => string> = {
  callNext: (c, n) => `hat an ${c} die Nummer ${n} aufgerufen`,
  callSpecific: (c, n) => `hat an ${c} gezielt die Nummer ${n} aufgerufen`,
  recall: (c, n) => `hat an ${c} die Nummer ${n} erneut aufgerufen`,
  start: (c, n) => `hat an ${c} mit der Bedienung von ${n} begonnen`,
  park: (c, n) => `hat an ${c} die Nummer ${n} zurückgestellt (holt etwas)`,
  returnParked: (c, n) => `hat an ${c} die Nummer ${n} wieder in die Warteschlange genommen`,
  complete: (c, n) => `hat an ${c} die Nummer ${n} erledigt`,
  addConcern: (c, n) => `hat an ${c} der Nummer ${n} ein Anliegen hinzugefügt`,
  noShow: (c, n) => `hat an ${c} die Nummer ${n} als nicht erschienen vermerkt`,
  transfer: (c, n) => `hat an ${c} die Nummer ${n} weitergeleitet`,
  undo: (c, n) => `hat an ${c} den letzten Schritt bei ${n} rückgängig gemacht`,
  requeue: (c, n) => `hat an ${c} die Nummer ${n} zurück an den Anfang der Warteschlange gestellt`,
  'release-requeue': (c, n) => `hat die an ${c} hängende Nummer ${n} zurück in die Warteschlange gegeben`,
  'release-finish': (c, n) => `hat die an ${c} hängende Nummer ${n} abgeschlossen`,
};

const COUNTER_STATUS: Record<string, string> = {
  open: 'geöffnet',
  paused: 'auf Pause gestellt',
  closed: 'geschlossen',
};

const ROLES: Record<string, string> = { admin: 'Verwaltung', clerk: 'Sachbearbeitung' };
const ACCOUNT_FIELDS: Record<string, string> = { role: 'Rolle', password: 'Passwort', disabled: 'gesperrt/entsperrt' };
const DEVICE_KINDS: Record<string, string> = { kiosk: 'Kiosk', screen: 'Anzeige' };

function counterName(names: AuditNames, id: string | undefined): string {
  if (!id) return 'einem Platz';
  return names.counters[id] ?? id;
}

/** The part after the user's name: "hat an Platz 4 die Nummer W-017 aufgerufen." */
function predicate(entry: AuditRecord, names: AuditNames): string {
  const { action, target, detail } = entry;
  if (action.startsWith('counter:') && action !== 'counter:sign-in') {
    const name = action.slice('counter:'.length);
    const counter = counterName(names, target);
    if (name === 'setStatus') {
      const status = detail ? COUNTER_STATUS[detail] : undefined;
      return status
        ? `hat ${counter} ${status}`
        : `hat den Zustand von ${counter} geändert${detail ? ` (${detail})` : ''}`;
    }
    const sentence = COUNTER_ACTIONS[name];
    if (sentence) {
      if (!detail && name === 'callNext') return `hat an ${counter} aufgerufen, aber niemand wartete`;
      return sentence(counter, detail ?? '–');
    }
    return `hat an ${counter} „${name}“ ausgeführt${detail ? ` (${detail})` : ''}`;
  }
  switch (action) {
    case 'counter:sign-in':
      return `hat sich an ${counterName(names, target)} angemeldet`;
    case 'session:sign-in':
      return 'hat sich angemeldet';
    case 'session:password-change':
      return 'hat das eigene Passwort geändert';
    case 'config:change':
      return 'hat die Einstellungen des Amts gespeichert';
    case 'user:create':
      return `hat das Konto „${target ?? ''}“ angelegt${detail ? ` (${ROLES[detail] ?? detail})` : ''}`;
    case 'user:change': {
      const what = (detail ?? '')
        .split(',')
        .filter(Boolean)
        .map((f) => ACCOUNT_FIELDS[f] ?? f);
      return `hat das Konto „${target ?? ''}“ geändert${what.length > 0 ? ` (${what.join(', ')})` : ''}`;
    }
    case 'user:remove':
      return `hat das Konto „${target ?? ''}“ entfernt`;
    case 'device:pair': {
      const [kind = '', ...rest] = (detail ?? '').split(' ');
      const label = DEVICE_KINDS[kind];
      return label
        ? `hat ein Gerät verbunden: ${label} „${rest.join(' ')}“`
        : `hat ein Gerät verbunden${detail ? ` (${detail})` : ''}`;
    }
    case 'device:configure':
      return `hat die Anzeige „${detail ?? target ?? '–'}“ eingestellt`;
    case 'device:remove':
      return `hat ein Gerät getrennt (${target ?? '–'})`;
    case 'appointment:book':
      return `hat einen Termin gebucht (${target ?? '–'})`;
    case 'appointment:move':
      return `hat einen Termin verschoben (${target ?? '–'})`;
    case 'appointment:cancel':
      return `hat einen Termin abgesagt (${target ?? '–'})`;
    default:
      return `: ${[action, target, detail].filter(Boolean).join(' ')}`;
  }
}

/** The entry as one German sentence: "maria hat an Platz 4 die Nummer W-017 aufgerufen." */
export function auditSentence(entry: AuditRecord, names: AuditNames): string {
  const who = entry.username && entry.username !== '-' ? entry.username : 'Jemand ohne Anmeldung';
  const rest = predicate(entry, names);
  return rest.startsWith(':') ? `${who}${rest}` : `${who} ${rest}.`;
}

/** The raw entry, for a tooltip: "counter:callNext · desk-4 · W-017". */
export function auditRaw(entry: AuditRecord): string {
  return [entry.action, entry.target, entry.detail].filter(Boolean).join(' · ');
}

/** The names the sentences use, from an office configuration. */
export function auditNames(office: {
  counters: readonly { id: string; name: string }[];
  concerns: readonly { id: string; name: string }[];
}): AuditNames {
  return {
    counters: Object.fromEntries(office.counters.map((c) => [c.id, c.name])),
    concerns: Object.fromEntries(office.concerns.map((c) => [c.id, c.name])),
  };
}

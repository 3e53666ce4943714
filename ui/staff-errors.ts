/**
 * Readable German texts for the error codes the staff apps can meet (server codes from
 * `core/result.ts`, plus the client-side `OFFLINE` and `TIMEOUT`).
 */
import type { ErrorCode } from '../core/result.ts';

export type StaffErrorCode = ErrorCode | 'OFFLINE' | 'TIMEOUT';

const TEXTS: Record<StaffErrorCode, string> = {
  BAD_REQUEST: 'Die Anfrage war nicht gültig. Bitte laden Sie die Seite neu.',
  VALIDATION_FAILED: 'Eine Angabe fehlt oder ist nicht gültig.',
  NOT_FOUND: 'Das wurde nicht gefunden.',
  UNKNOWN_CONCERN: 'Dieses Anliegen gibt es nicht.',
  UNKNOWN_COUNTER: 'Diesen Platz gibt es nicht. Bitte wählen Sie Ihren Platz neu.',
  UNKNOWN_APPOINTMENT: 'Diesen Termin gibt es nicht.',
  UNKNOWN_TICKET: 'Diese Nummer gibt es nicht.',
  INFO_ONLY_CONCERN: 'Für dieses Anliegen gibt es keine Nummer. Es wird online erledigt.',
  OFFICE_CLOSED: 'Das Amt ist gerade geschlossen.',
  QUOTA_REACHED: 'Für heute sind alle Nummern für dieses Anliegen vergeben.',
  APPOINTMENT_USED: 'Dieser Termin wurde schon eingelöst.',
  APPOINTMENT_TOO_EARLY: 'Für diesen Termin ist es noch zu früh.',
  APPOINTMENT_EXPIRED: 'Dieser Termin war an einem früheren Tag.',
  APPOINTMENT_EXISTS: 'Diesen Termin gibt es schon.',
  APPOINTMENT_CANCELLED: 'Dieser Termin wurde abgesagt.',
  APPOINTMENT_ONLY: 'Dieses Anliegen gibt es nur mit Termin.',
  OUTSIDE_APPOINTMENT_HOURS: 'Zu dieser Zeit werden keine Termine vergeben.',
  SLOT_TAKEN: 'Dieser Termin ist gerade vergeben worden. Bitte wählen Sie einen anderen.',
  NO_CURRENT_TICKET: 'Gerade ist niemand an Ihren Platz gerufen.',
  COUNTER_NOT_SERVING: 'Ihr Platz bearbeitet dieses Anliegen nicht.',
  SAME_CONCERN: 'Die Person ist schon bei diesem Anliegen. Bitte wählen Sie ein anderes.',
  SERVICE_STARTED: 'Die Person ist schon bei Ihnen. Ein neuer Aufruf ist nicht nötig.',
  TOO_MANY_CONCERNS: 'Ein Besuch kann höchstens fünf Anliegen haben.',
  DUPLICATE_CONCERN: 'Dieses Anliegen gehört schon zum Besuch.',
  UNKNOWN_OUTCOME: 'Dieses Ergebnis gibt es nicht. Bitte laden Sie die Seite neu.',
  UNAUTHENTICATED: 'Bitte melden Sie sich an.',
  FORBIDDEN: 'Dafür haben Sie keine Berechtigung.',
  INVALID_CREDENTIALS: 'Benutzername oder Passwort stimmt nicht.',
  TOO_MANY_ATTEMPTS: 'Zu viele Versuche. Bitte warten Sie einige Minuten und versuchen Sie es dann noch einmal.',
  RATE_LIMITED: 'Zu viele Anfragen. Bitte warten Sie einige Minuten und versuchen Sie es dann noch einmal.',
  FOREIGN_ORIGIN: 'Anfragen von anderen Seiten werden nicht angenommen.',
  PASSWORD_CHANGE_REQUIRED: 'Bitte wählen Sie zuerst ein eigenes Passwort.',
  PAYLOAD_TOO_LARGE: 'Die Daten sind zu groß.',
  CONFIG_CHANGED: 'Jemand anderes hat die Einstellungen inzwischen geändert. Bitte laden Sie sie neu.',
  USER_EXISTS: 'Diesen Benutzernamen gibt es schon.',
  UNKNOWN_USER: 'Dieses Konto gibt es nicht.',
  LAST_ADMIN: 'Das letzte Verwaltungskonto kann nicht entfernt oder herabgestuft werden.',
  UNKNOWN_DEVICE: 'Dieses Gerät gibt es nicht.',
  DEVICE_REQUIRED: 'Dieses Gerät ist nicht mit dem Amt verbunden.',
  WEAK_PASSWORD: 'Das Passwort braucht mindestens 12 Zeichen und darf kein häufig benutztes sein.',
  STORAGE_FULL:
    'Der Server kann nichts speichern: sein Speicher ist voll. Nichts wurde gespeichert. Bitte verständigen Sie die IT.',
  REDIS_UNAVAILABLE: 'Der Server erreicht gerade die anderen Server nicht. Bitte gleich noch einmal versuchen.',
  STORAGE_UNAVAILABLE:
    'Der Server kann gerade nichts speichern. Nichts wurde gespeichert. Bitte versuchen Sie es gleich noch einmal.',
  SPEECH_UNAVAILABLE: 'Der Server hat gerade keine Stimme (espeak-ng fehlt oder ist ausgelastet).',
  MAX_CALLS_REACHED:
    'Die Person wurde so oft aufgerufen, wie es das Amt vorsieht. Wählen Sie „Nicht erschienen“ oder warten Sie noch.',
  NOTHING_TO_UNDO: 'Es gibt nichts mehr rückgängig zu machen.',
  UNDO_EXPIRED: 'Die Zeit zum Rückgängigmachen ist abgelaufen.',
  UNDO_CONFLICT:
    'Die Nummer hat sich inzwischen geändert (z. B. an einem anderen Platz aufgerufen) und kann nicht mehr zurückgeholt werden.',
  COUNTER_BUSY: 'An Ihrem Platz ist noch jemand. Schließen Sie diese Person zuerst ab.',
  INTERNAL: 'Im Server ist ein Fehler passiert. Bitte versuchen Sie es noch einmal.',
  COUNTER_NOT_ALLOWED: 'Ihr Konto ist für diesen Platz nicht freigegeben. Bitte wählen Sie einen anderen Platz.',
  CONCERN_UNSERVED:
    'Dieses Anliegen bedient zurzeit kein Platz. Bitte wählen Sie ein anderes oder fragen Sie die Leitung.',
  REMOTE_NOT_OFFERED: 'Für dieses Anliegen gibt es keine Nummer von unterwegs.',
  DIRECTORY_UNAVAILABLE:
    'Der Verzeichnisdienst (Dienstkonto) ist nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.',
  NO_ROLE:
    'Ihr Dienstkonto ist für Lotse nicht freigeschaltet (keine passende Gruppe). Bitte wenden Sie sich an die IT.',
  ACCOUNT_DISABLED: 'Dieses Konto ist in Lotse gesperrt. Bitte wenden Sie sich an die Leitung.',
  ACCOUNT_CONFLICT: 'Unter diesem Namen gibt es bereits ein lokales Konto. Bitte wenden Sie sich an die Leitung.',
  DIRECTORY_ACCOUNT: 'Dieses Konto meldet sich mit dem Dienstkonto an; das Passwort ändern Sie dort.',
  SIGN_IN_EXPIRED: 'Die Anmeldung hat zu lange gedauert. Bitte melden Sie sich noch einmal an.',
  OFFLINE: 'Keine Verbindung zum Server. Bitte prüfen Sie das Netz.',
  TIMEOUT: 'Der Server antwortet nicht. Bitte versuchen Sie es noch einmal.',
};

export function isKnownErrorCode(code: string): code is StaffErrorCode {
  return Object.hasOwn(TEXTS, code);
}

/** The German text for an error code; unknown codes are named so staff can report them. */
export function errorText(code: string): string {
  return isKnownErrorCode(code) ? TEXTS[code] : `Unbekannter Fehler (${code}). Bitte versuchen Sie es noch einmal.`;
}

/** Error codes the domain and the API use. Clients see these, never exception text. */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'UNKNOWN_CONCERN',
  'UNKNOWN_COUNTER',
  'UNKNOWN_APPOINTMENT',
  'UNKNOWN_TICKET',
  'INFO_ONLY_CONCERN',
  'OFFICE_CLOSED',
  'QUOTA_REACHED',
  'APPOINTMENT_USED',
  'APPOINTMENT_TOO_EARLY',
  'APPOINTMENT_EXPIRED',
  'APPOINTMENT_EXISTS',
  'NO_CURRENT_TICKET',
  'COUNTER_NOT_SERVING',
  'SAME_CONCERN',
  'SERVICE_STARTED',
  'TOO_MANY_CONCERNS',
  'DUPLICATE_CONCERN',
  'UNKNOWN_OUTCOME',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'INVALID_CREDENTIALS',
  'TOO_MANY_ATTEMPTS',
  'PAYLOAD_TOO_LARGE',
  'CONFIG_CHANGED',
  'USER_EXISTS',
  'UNKNOWN_USER',
  'LAST_ADMIN',
  'UNKNOWN_DEVICE',
  'DEVICE_REQUIRED',
  'WEAK_PASSWORD',
  'SPEECH_UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorCode };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: ErrorCode): Result<T> => ({ ok: false, error });

/** HTTP errors as `{error:{code, message}}`; exception text never reaches a client. */
import type { ErrorRequestHandler, Response } from 'express';
import type { ErrorCode } from '../../core/result.ts';
import { logger } from '../logger.ts';
import { unavailableCode } from '../store/unavailable.ts';

const log = logger('http');

const MESSAGES: Partial<Record<ErrorCode, string>> = {
  BAD_REQUEST: 'The request is malformed.',
  VALIDATION_FAILED: 'The request data is invalid.',
  NOT_FOUND: 'Not found.',
  UNKNOWN_CONCERN: 'This concern does not exist.',
  UNKNOWN_COUNTER: 'This counter does not exist.',
  UNKNOWN_APPOINTMENT: 'This appointment code is unknown.',
  UNKNOWN_TICKET: 'This ticket is unknown.',
  INFO_ONLY_CONCERN: 'This concern is handled online; no ticket is needed.',
  OFFICE_CLOSED: 'The office is closed now.',
  QUOTA_REACHED: "Today's tickets for this concern are all given out.",
  APPOINTMENT_USED: 'This appointment has already been checked in.',
  APPOINTMENT_TOO_EARLY: 'It is too early to check in for this appointment.',
  APPOINTMENT_EXPIRED: 'This appointment was on an earlier day.',
  APPOINTMENT_EXISTS: 'An appointment with this code exists already.',
  APPOINTMENT_CANCELLED: 'This appointment was cancelled.',
  APPOINTMENT_ONLY: 'This concern is served by appointment only.',
  OUTSIDE_APPOINTMENT_HOURS: 'This time is not within the appointment hours.',
  SLOT_TAKEN: 'This slot has no place left.',
  NO_CURRENT_TICKET: 'Nobody is called to this counter right now.',
  SAME_CONCERN: 'The ticket already belongs to this concern.',
  SERVICE_STARTED: 'The visitor is already being served; there is nothing to call again.',
  TOO_MANY_CONCERNS: 'A visit holds at most five concerns (at the kiosk: as many as the office allows).',
  DUPLICATE_CONCERN: 'This concern is already part of the visit.',
  UNKNOWN_OUTCOME: 'This outcome is not one of the office outcomes.',
  UNAUTHENTICATED: 'Please sign in.',
  FORBIDDEN: 'You may not do this.',
  INVALID_CREDENTIALS: 'User name or password is wrong.',
  TOO_MANY_ATTEMPTS: 'Too many failed attempts. Please wait a few minutes.',
  RATE_LIMITED: 'Too many requests. Please wait a moment and try again.',
  FOREIGN_ORIGIN: 'Requests from other sites are not accepted.',
  PASSWORD_CHANGE_REQUIRED: 'Please choose a new password first.',
  COUNTER_NOT_ALLOWED: 'This account may not work at this counter.',
  PAYLOAD_TOO_LARGE: 'The request is too large.',
  CONFIG_CHANGED: 'Someone else changed the configuration in the meantime. Load it again.',
  USER_EXISTS: 'A staff account with this name exists already.',
  UNKNOWN_USER: 'This staff account does not exist.',
  LAST_ADMIN: 'The last administrator cannot be removed or demoted.',
  UNKNOWN_DEVICE: 'This device is unknown.',
  DEVICE_REQUIRED: 'This device is not paired with the office.',
  WEAK_PASSWORD: 'The password needs at least 12 characters and must not be a common one.',
  STORAGE_FULL: 'The server cannot store anything: its disk is full. Nothing was saved.',
  REDIS_UNAVAILABLE: 'Redis cannot be reached: calls do not reach the other processes.',
  STORAGE_UNAVAILABLE: 'The server cannot store anything right now. Nothing was saved; try again shortly.',
  SPEECH_UNAVAILABLE: 'The server has no voice right now (espeak-ng missing or busy).',
  MAX_CALLS_REACHED: 'The visitor has been called as often as the office allows; mark them as not shown up.',
  NOTHING_TO_UNDO: 'This counter has nothing to undo.',
  UNDO_EXPIRED: 'The time to undo this has passed.',
  UNDO_CONFLICT: 'The ticket has changed since (e.g. another counter called it); it cannot be undone.',
  COUNTER_BUSY: 'Another visitor is at this counter; finish with them first.',
  INTERNAL: 'Something went wrong on the server.',
  CONCERN_UNSERVED: 'No counter serves this concern at present.',
  REMOTE_NOT_OFFERED: 'This concern offers no numbers from on the way.',
  DIRECTORY_UNAVAILABLE: 'The directory (LDAP or sign-in service) cannot be reached. Try again shortly.',
  NO_ROLE: 'The directory lists this account in no group that may use Lotse.',
  ACCOUNT_DISABLED: 'This staff account is disabled.',
  ACCOUNT_CONFLICT: 'A local staff account has this name; the directory account cannot use it.',
  DIRECTORY_ACCOUNT: 'This account signs in with the directory; its password is changed there.',
  SIGN_IN_EXPIRED: 'The sign-in took too long or was started elsewhere. Please start again.',
};

const STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  UNKNOWN_CONCERN: 404,
  UNKNOWN_COUNTER: 404,
  UNKNOWN_APPOINTMENT: 404,
  UNKNOWN_TICKET: 404,
  INFO_ONLY_CONCERN: 409,
  OFFICE_CLOSED: 409,
  QUOTA_REACHED: 409,
  APPOINTMENT_USED: 409,
  APPOINTMENT_TOO_EARLY: 409,
  APPOINTMENT_EXPIRED: 409,
  APPOINTMENT_EXISTS: 409,
  APPOINTMENT_CANCELLED: 409,
  APPOINTMENT_ONLY: 409,
  OUTSIDE_APPOINTMENT_HOURS: 409,
  SLOT_TAKEN: 409,
  NO_CURRENT_TICKET: 409,
  SAME_CONCERN: 409,
  SERVICE_STARTED: 409,
  TOO_MANY_CONCERNS: 400,
  DUPLICATE_CONCERN: 409,
  UNKNOWN_OUTCOME: 400,
  COUNTER_NOT_SERVING: 409,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  INVALID_CREDENTIALS: 401,
  TOO_MANY_ATTEMPTS: 429,
  RATE_LIMITED: 429,
  FOREIGN_ORIGIN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  PAYLOAD_TOO_LARGE: 413,
  CONFIG_CHANGED: 409,
  USER_EXISTS: 409,
  UNKNOWN_USER: 404,
  LAST_ADMIN: 409,
  UNKNOWN_DEVICE: 404,
  DEVICE_REQUIRED: 401,
  WEAK_PASSWORD: 400,
  STORAGE_FULL: 507,
  STORAGE_UNAVAILABLE: 503,
  REDIS_UNAVAILABLE: 503,
  SPEECH_UNAVAILABLE: 503,
  MAX_CALLS_REACHED: 409,
  NOTHING_TO_UNDO: 409,
  UNDO_EXPIRED: 409,
  UNDO_CONFLICT: 409,
  COUNTER_BUSY: 409,
  INTERNAL: 500,
  COUNTER_NOT_ALLOWED: 403,
  CONCERN_UNSERVED: 409,
  REMOTE_NOT_OFFERED: 409,
  DIRECTORY_UNAVAILABLE: 503,
  NO_ROLE: 403,
  ACCOUNT_DISABLED: 403,
  ACCOUNT_CONFLICT: 409,
  DIRECTORY_ACCOUNT: 409,
  SIGN_IN_EXPIRED: 400,
};

export function statusOf(code: ErrorCode): number {
  return STATUS[code] ?? 400;
}

export function sendError(res: Response, code: ErrorCode, status = statusOf(code)): void {
  res.status(status).json({ error: { code, message: MESSAGES[code] ?? code } });
}

/** Thrown inside route handlers; turned into an error answer by `errorHandler`. */
export class HttpError extends Error {
  constructor(readonly code: ErrorCode) {
    super(code);
  }
}

export const errorHandler: ErrorRequestHandler = (error, _req, res, _next) => {
  if (res.headersSent) return;
  if (error instanceof HttpError) return sendError(res, error.code);
  const e = error as { type?: string; status?: number };
  if (e.type === 'entity.parse.failed') return sendError(res, 'BAD_REQUEST');
  if (e.type === 'entity.too.large') return sendError(res, 'PAYLOAD_TOO_LARGE');
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) return sendError(res, 'BAD_REQUEST', e.status);
  const unavailable = unavailableCode(error);
  if (unavailable) {
    log.warn({ err: error }, 'storage cannot write; answered without storing');
    return sendError(res, unavailable);
  }
  log.error({ err: error }, 'unhandled error');
  sendError(res, 'INTERNAL');
};

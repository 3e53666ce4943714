/** Routes open to everyone: health, the office, the queue, a ticket's status, drawing a ticket. */
import { z } from 'zod';
import { TokenParam } from '../../../core/schemas/common.ts';
import { IssueBody, RemoteBody } from '../../../core/schemas/tickets.ts';
import { SpeechQuery } from '../../../core/schemas/speech.ts';
import { route } from './route.ts';

const Health = z.object({ status: z.enum(['ok', 'unavailable']) });
const Up = z.object({ status: z.literal('up') });

export const PUBLIC_ROUTES = [
  route('get', '/api/health', {
    tag: 'public',
    summary: 'Whether this process is ready: the store writes and, with Redis, Redis is reachable (else 503).',
    access: 'public',
    ok: { description: '`{status:"ok"}`', schema: Health },
    errors: ['STORAGE_UNAVAILABLE', 'REDIS_UNAVAILABLE'],
  }),
  route('get', '/api/health/live', {
    tag: 'public',
    summary: 'Whether the process runs and answers (always 200 while it does).',
    access: 'public',
    ok: { description: '`{status:"up"}`', schema: Up },
  }),
  route('get', '/metrics', {
    tag: 'operations',
    summary: 'Prometheus metrics: tickets, calls, waits per concern, sockets, printers, store latency, event loop.',
    description: 'For loopback clients, or with `Authorization: Bearer $LOTSE_METRICS_TOKEN`.',
    access: 'public',
    ok: { description: 'Prometheus text format', content: 'prometheus' },
    errors: ['UNAUTHENTICATED', 'FORBIDDEN'],
  }),
  route('get', '/api/office', {
    tag: 'public',
    summary: 'The office as kiosks, screens and phones see it (`OfficePublic`: concerns, counters, hours, texts).',
    access: 'public',
    ok: { description: '`OfficePublic`' },
  }),
  route('get', '/api/queue', {
    tag: 'public',
    summary: 'Current calls and waiting counts (`{called, waiting, seq, day}`).',
    access: 'public',
    ok: { description: 'The queue snapshot' },
  }),
  route('get', '/api/status/:token', {
    tag: 'public',
    summary: "A ticket's status for its phone page (today's or an archived one).",
    access: 'public',
    params: TokenParam,
    ok: { description: '`{ticket: TicketView}`' },
    errors: ['UNKNOWN_TICKET', 'RATE_LIMITED'],
  }),
  route('post', '/api/tickets', {
    tag: 'tickets',
    summary: 'Draw a ticket (kiosk), give one out (staff at reception) or check in with an appointment code.',
    description:
      'Header `Idempotency-Key` (or `idempotencyKey`): the same key answers the same ticket (200 instead of 201). ' +
      'A paired kiosk sends `X-Lotse-Device`. `APPOINTMENT_TOO_EARLY` carries `appointmentAt` and `checkinFrom`.',
    access: 'public',
    body: IssueBody,
    ok: { status: 201, description: '`{ticket: TicketView, print: PrintResult}`' },
    errors: [
      'UNKNOWN_CONCERN',
      'UNKNOWN_COUNTER',
      'UNKNOWN_APPOINTMENT',
      'INFO_ONLY_CONCERN',
      'OFFICE_CLOSED',
      'QUOTA_REACHED',
      'APPOINTMENT_ONLY',
      'APPOINTMENT_USED',
      'APPOINTMENT_TOO_EARLY',
      'APPOINTMENT_EXPIRED',
      'APPOINTMENT_CANCELLED',
      'CONCERN_UNSERVED',
      'TOO_MANY_CONCERNS',
      'DUPLICATE_CONCERN',
      'DEVICE_REQUIRED',
      'FORBIDDEN',
      'RATE_LIMITED',
    ],
  }),
  route('post', '/api/remote-tickets', {
    tag: 'tickets',
    summary: 'A number from on the way (public page); the visitor confirms arrival at the kiosk.',
    access: 'public',
    body: RemoteBody,
    ok: { status: 201, description: '`{ticket: TicketView}`' },
    errors: ['UNKNOWN_CONCERN', 'REMOTE_NOT_OFFERED', 'OFFICE_CLOSED', 'QUOTA_REACHED', 'RATE_LIMITED'],
  }),
  route('post', '/remote', {
    tag: 'pages',
    summary: "The public page's form for a number from on the way, without JavaScript.",
    description: "Errors answer an HTML page in the visitor's language with the status of the code.",
    access: 'public',
    body: RemoteBody,
    form: true,
    ok: { status: 303, description: "Redirect to the ticket's phone page", content: 'redirect' },
    errors: ['UNKNOWN_CONCERN', 'REMOTE_NOT_OFFERED', 'OFFICE_CLOSED', 'QUOTA_REACHED', 'RATE_LIMITED'],
  }),
  route('get', '/api/speech', {
    tag: 'public',
    summary: "One call's announcement spoken by the server's voice (for screens without a voice).",
    access: 'public',
    query: SpeechQuery,
    ok: { description: 'The announcement', content: 'wav' },
    errors: ['UNKNOWN_CONCERN', 'UNKNOWN_COUNTER', 'SPEECH_UNAVAILABLE'],
  }),
];

/**
 * The counter's actions over HTTP (the counter app uses the socket events `counter:*`, which take
 * the same payloads plus `counterId`).
 */
import type { z } from 'zod';
import type { ErrorCode } from '../../../core/result.ts';
import { IdParam } from '../../../core/schemas/common.ts';
import {
  AddConcernBody,
  CompleteBody,
  CounterStatusBody,
  ReleaseBody,
  TicketBody,
  TransferBody,
} from '../../../core/schemas/counter.ts';
import { type RouteDoc, route } from './route.ts';

const TICKET = '`{ticket: TicketView}`';

const action = (name: string, summary: string, errors: ErrorCode[], body?: z.ZodType): RouteDoc =>
  route('post', `/api/counters/:id/${name}`, {
    tag: 'counter',
    summary,
    access: 'counter',
    params: IdParam,
    ...(body ? { body } : {}),
    ok: { description: TICKET },
    errors: ['UNKNOWN_COUNTER', 'COUNTER_NOT_ALLOWED', ...errors],
  });

/** A route that answers the counter's view (`CounterView`). */
const counterView = (
  method: 'get' | 'post',
  path: string,
  doc: { summary: string; access: 'counter' | 'session'; body?: z.ZodType },
): RouteDoc =>
  route(method, path, {
    tag: 'counter',
    summary: doc.summary,
    access: doc.access,
    params: IdParam,
    ...(doc.body ? { body: doc.body } : {}),
    ok: { description: '`CounterView`' },
    errors: ['UNKNOWN_COUNTER', 'COUNTER_NOT_ALLOWED'],
  });

export const COUNTER_ROUTES = [
  counterView('get', '/api/counters/:id', {
    summary: "One counter's view: status, the visitor called there, parked visitors, who waits for it.",
    access: 'counter',
  }),
  counterView('post', '/api/counters/:id/sign-in', {
    summary: 'A clerk signs in to this counter (the app does so with `counter:watch`).',
    access: 'session',
  }),
  action('call-next', 'Call the next visitor (`{ticket: null}` when nobody waits).', []),
  action('call', 'Call one waiting visitor by ticket id.', ['UNKNOWN_TICKET', 'COUNTER_NOT_SERVING'], TicketBody),
  action('start', 'The called visitor arrived: service starts.', ['NO_CURRENT_TICKET']),
  action('park', 'The visitor steps away (fetches a document).', ['NO_CURRENT_TICKET']),
  action(
    'return',
    'A parked visitor is back at this counter.',
    ['UNKNOWN_TICKET', 'COUNTER_NOT_SERVING', 'COUNTER_BUSY'],
    TicketBody,
  ),
  action('recall', 'Call the called visitor again.', ['NO_CURRENT_TICKET', 'SERVICE_STARTED', 'MAX_CALLS_REACHED']),
  action(
    'complete',
    'The current concern is done (with an outcome).',
    ['NO_CURRENT_TICKET', 'UNKNOWN_OUTCOME'],
    CompleteBody,
  ),
  action(
    'add-concern',
    "A concern found in the conversation becomes the visit's next part.",
    ['NO_CURRENT_TICKET', 'UNKNOWN_CONCERN', 'DUPLICATE_CONCERN', 'TOO_MANY_CONCERNS'],
    AddConcernBody,
  ),
  action('no-show', 'The called visitor did not come.', ['NO_CURRENT_TICKET']),
  action(
    'transfer',
    'Send the visitor on to another concern (and counter).',
    ['NO_CURRENT_TICKET', 'UNKNOWN_CONCERN', 'SAME_CONCERN', 'COUNTER_NOT_SERVING', 'UNKNOWN_OUTCOME'],
    TransferBody,
  ),
  action('undo', "Take back this counter's last no-show, completion or transfer.", [
    'NOTHING_TO_UNDO',
    'UNDO_EXPIRED',
    'UNDO_CONFLICT',
  ]),
  action('requeue', 'The called visitor goes back to the line unserved.', ['NO_CURRENT_TICKET']),
  counterView('post', '/api/counters/:id/status', {
    summary: 'Open, pause or close the counter.',
    access: 'counter',
    body: CounterStatusBody,
  }),
  route('post', '/api/admin/counters/:id/release', {
    tag: 'counter',
    summary: 'Admins free a number left called at a counter: back to the line or finished.',
    access: 'admin',
    params: IdParam,
    body: ReleaseBody,
    ok: { description: TICKET },
    errors: ['UNKNOWN_TICKET', 'UNKNOWN_COUNTER', 'NO_CURRENT_TICKET'],
  }),
];

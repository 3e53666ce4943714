/**
 * The OpenAPI 3.1 document of the HTTP API, built from the route entries (`routes.ts`) and the
 * zod schemas of `core/schemas/` (`z.toJSONSchema`), plus the socket.io events as
 * `x-socket-events`. Served at `/api/openapi.json`, rendered into docs/api.md.
 */
import { z } from 'zod';
import type { ErrorCode } from '../../../core/result.ts';
import { PRINT_REQUEST_SCHEMAS, SOCKET_REQUEST_SCHEMAS } from '../../../core/schemas/socket-requests.ts';
import { statusOf } from '../errors.ts';
import type { Content, RouteDoc } from './route.ts';
import { ROUTES } from './routes.ts';
import {
  PRINT_PUSHES,
  PRINT_REQUESTS,
  SOCKET_PUSHES,
  SOCKET_REQUESTS,
  type SocketRequestDoc,
} from './socket-events.ts';

type Json = Record<string, unknown>;

const MEDIA: Record<Exclude<Content, 'redirect'>, string> = {
  json: 'application/json',
  html: 'text/html',
  csv: 'text/csv',
  calendar: 'text/calendar',
  wav: 'audio/wav',
  javascript: 'application/javascript',
  prometheus: 'text/plain; version=0.0.4',
};

/** A zod schema as JSON Schema (the input side: what a client sends). */
export function jsonSchema(schema: z.ZodType): Json {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  return rest;
}

/** `/api/counters/:id/start` → `/api/counters/{id}/start`. */
export const openApiPath = (path: string) => path.replace(/:([A-Za-z_]+)/g, '{$1}');

const ACCESS_ERRORS: Record<RouteDoc['access'], ErrorCode[]> = {
  public: [],
  session: ['UNAUTHENTICATED'],
  staff: ['UNAUTHENTICATED', 'FORBIDDEN', 'PASSWORD_CHANGE_REQUIRED'],
  admin: ['UNAUTHENTICATED', 'FORBIDDEN', 'PASSWORD_CHANGE_REQUIRED'],
  counter: ['UNAUTHENTICATED', 'FORBIDDEN'],
};

/** Every error code a route may answer: its own and those of its kind. */
export function errorsOf(route: RouteDoc): ErrorCode[] {
  const codes = new Set<ErrorCode>(ACCESS_ERRORS[route.access]);
  if (route.params || route.query || route.body) codes.add('VALIDATION_FAILED');
  if (route.body) {
    codes.add('BAD_REQUEST');
    codes.add('PAYLOAD_TOO_LARGE');
  }
  if (route.method !== 'get') {
    codes.add('FOREIGN_ORIGIN');
    codes.add('STORAGE_UNAVAILABLE');
    codes.add('STORAGE_FULL');
  }
  for (const code of route.errors ?? []) codes.add(code);
  codes.add('INTERNAL');
  return [...codes];
}

function parameters(route: RouteDoc): Json[] {
  const list: Json[] = [];
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!schema) continue;
    const s = jsonSchema(schema) as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, property] of Object.entries(s.properties ?? {})) {
      const { description, ...rest } = property;
      list.push({
        name,
        in: where,
        required: where === 'path' || (s.required ?? []).includes(name),
        ...(typeof description === 'string' ? { description } : {}),
        schema: rest,
      });
    }
  }
  return list;
}

function success(route: RouteDoc): Json {
  const { ok } = route;
  const kind = ok.content ?? 'json';
  if (kind === 'redirect')
    return { description: ok.description, headers: { Location: { schema: { type: 'string' } } } };
  const content: Json = { [MEDIA[kind]]: ok.schema ? { schema: jsonSchema(ok.schema) } : {} };
  for (const also of ok.also ?? []) if (also !== 'redirect') content[MEDIA[also]] = {};
  return { description: ok.description, content };
}

function responses(route: RouteDoc): Json {
  const out: Json = { [String(route.ok.status ?? 200)]: success(route) };
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of errorsOf(route)) {
    const status = statusOf(code);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  for (const [status, codes] of [...byStatus].sort((a, b) => a[0] - b[0])) {
    out[String(status)] = {
      description: codes.map((c) => `\`${c}\``).join(', '),
      content: {
        'application/json': {
          schema: {
            allOf: [
              { $ref: '#/components/schemas/Error' },
              { type: 'object', properties: { error: { type: 'object', properties: { code: { enum: codes } } } } },
            ],
          },
        },
      },
    };
  }
  return out;
}

const operationId = (route: RouteDoc) =>
  route.method +
  route.path
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]?.toUpperCase() + w.slice(1))
    .join('');

function operation(route: RouteDoc): Json {
  const body: Json = {};
  if (route.body) {
    const schema = jsonSchema(route.body);
    body.requestBody = {
      // Optional when an empty object would do.
      required: !route.body.safeParse({}).success,
      content: {
        'application/json': { schema },
        ...(route.form ? { 'application/x-www-form-urlencoded': { schema } } : {}),
      },
    };
  }
  const params = parameters(route);
  return {
    operationId: operationId(route),
    tags: [route.tag],
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    'x-access': route.access,
    ...(params.length ? { parameters: params } : {}),
    ...body,
    ...(route.access === 'public' ? { security: [] } : {}),
    responses: responses(route),
  };
}

const socketRequests = <E extends string>(docs: Record<E, SocketRequestDoc>, schemas: Record<E, z.ZodType>) =>
  Object.fromEntries(
    Object.entries<SocketRequestDoc>(docs).map(([event, d]) => [
      event,
      { summary: d.summary, ack: d.ack, payload: jsonSchema(schemas[event as E]) },
    ]),
  );

export function openApiDocument(routes: readonly RouteDoc[] = ROUTES): Json {
  const paths: Record<string, Json> = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    paths[path] = { ...paths[path], [route.method]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Lotse',
      version: '0.1.0',
      summary: 'Ticketing, call and lobby-display system for public offices.',
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name })),
    security: [{ session: [] }, { bearer: [] }],
    paths,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'lotse_session' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: { type: 'string' }, message: { type: 'string' } },
            },
          },
        },
      },
    },
    'x-socket-events': {
      '/': { requests: socketRequests(SOCKET_REQUESTS, SOCKET_REQUEST_SCHEMAS), pushes: SOCKET_PUSHES },
      '/print': { requests: socketRequests(PRINT_REQUESTS, PRINT_REQUEST_SCHEMAS), pushes: PRINT_PUSHES },
    },
  };
}

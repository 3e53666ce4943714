/**
 * One documented HTTP route: what it takes (zod schemas of `core/schemas/`), what it answers and
 * which error codes it may send. The errors every route of a kind can send (sign-in, validation,
 * origin check, storage) are added by `openapi.ts` from `access`, the method and the schemas, so
 * an entry names only its own.
 */
import type { z } from 'zod';
import type { ErrorCode } from '../../../core/result.ts';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * Who may call it: `public` anybody; `staff` signed-in clerks and admins; `admin` admins;
 * `counter` a clerk signed in to that counter (or an admin); `session` any signed-in account.
 */
export type Access = 'public' | 'staff' | 'admin' | 'counter' | 'session';

/** What a success answers: JSON (with a schema where one exists), a page, a file. */
export type Content = 'json' | 'html' | 'csv' | 'calendar' | 'wav' | 'javascript' | 'prometheus' | 'redirect';

export interface RouteDoc {
  method: Method;
  /** The Express path, e.g. `/api/counters/:id/start`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Also taken as an HTML form (`application/x-www-form-urlencoded`). */
  form?: boolean;
  ok: { status?: number; description: string; content?: Content; also?: Content[]; schema?: z.ZodType };
  /** The errors of this route beyond those of its kind. */
  errors?: ErrorCode[];
}

/** `route('post', '/api/x', {...})`: an entry in a few lines. */
export const route = (method: Method, path: string, doc: Omit<RouteDoc, 'method' | 'path'>): RouteDoc => ({
  method,
  path,
  ...doc,
});

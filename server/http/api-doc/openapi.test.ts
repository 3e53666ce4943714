import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../core/result.ts';
import { apiMarkdown } from './markdown.ts';
import { errorsOf, openApiDocument } from './openapi.ts';
import { ROUTES } from './routes.ts';

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(openApiDocument() as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('names each route once, and only error codes that exist', () => {
    const keys = ROUTES.map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const route of ROUTES) for (const code of errorsOf(route)) expect(ERROR_CODES).toContain(code);
  });

  it('lists the errors of a route: its own and those of its kind', () => {
    const release = ROUTES.find((r) => r.path === '/api/admin/counters/:id/release');
    expect(release && errorsOf(release)).toEqual(
      expect.arrayContaining(['UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED', 'FOREIGN_ORIGIN', 'UNKNOWN_TICKET']),
    );
    const responses = (openApiDocument().paths as Record<string, Record<string, { responses: object }>>)[
      '/api/admin/counters/{id}/release'
    ]?.post?.responses;
    expect(Object.keys(responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '500']));
  });

  it('is what docs/api.md says (run `npm run docs:api` after changing a route or schema)', () => {
    const written = readFileSync(new URL('../../../docs/api.md', import.meta.url), 'utf8');
    expect(written).toBe(apiMarkdown());
  });
});

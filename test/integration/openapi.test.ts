/**
 * The OpenAPI document against a real server: every route the Express app answers is documented
 * (found by walking the router stack), every documented route exists, and the document is served.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../server/http/api-doc/openapi.ts';
import { ROUTES } from '../../server/http/api-doc/routes.ts';
import { http, removeDir, startTestServer, type TestServer } from '../helpers/server.ts';

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** `METHOD path` of every route in an Express router stack (routers are mounted at the root). */
function routesOf(stack: Layer[]): string[] {
  const found: string[] = [];
  for (const layer of stack) {
    if (layer.route) {
      const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
      for (const method of Object.keys(layer.route.methods)) {
        if (method === '_all') continue;
        for (const path of paths) found.push(`${method} ${path.length > 1 ? path.replace(/\/$/, '') : path}`);
      }
    } else if (layer.handle?.stack) {
      found.push(...routesOf(layer.handle.stack));
    }
  }
  return [...new Set(found)];
}

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

describe('the API documents itself', () => {
  it('documents every route of a started server, and no route that does not exist', () => {
    const app = server.application.app as unknown as { router: { stack: Layer[] } };
    const served = routesOf(app.router.stack).sort();
    const documented = ROUTES.map((r) => `${r.method} ${r.path}`).sort();
    expect(served.length).toBeGreaterThan(50);
    expect(served.filter((r) => !documented.includes(r))).toEqual([]);
    expect(documented.filter((r) => !served.includes(r))).toEqual([]);
  });

  it('serves the document at /api/openapi.json', async () => {
    const r = await http(server.url, 'GET', '/api/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });
});

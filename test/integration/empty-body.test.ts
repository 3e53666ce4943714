/**
 * Requests that say their body is empty (`Content-Length: 0`) as a clerk's call-next or recall
 * over the HTTP API does, with and without a JSON type: answered as before the body parser was
 * skipped for them (the action runs; a route that needs fields answers 400 with a code), and a
 * body that is there is still read.
 */
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { testScope } from '../helpers/scope.ts';
import { login } from '../helpers/server.ts';

const scope = testScope();

/** A POST with exactly these headers and body (fetch would choose its own). */
function post(base: string, path: string, headers: Record<string, string>, body = '') {
  return new Promise<{ status: number; body: any }>((resolve, reject) => {
    const req = request(base + path, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('a POST whose body is empty', () => {
  it('given Content-Length 0 with or without a JSON type, then a clerk action runs and a route needing fields answers 400 with a code', async () => {
    const server = await scope.server();
    const admin = await login(server.url);
    const auth = { authorization: `Bearer ${admin}` };
    const json = { 'content-type': 'application/json', 'content-length': '0' };
    for (let i = 0; i < 3; i++) {
      const issued = await post(
        server.url,
        '/api/tickets',
        { ...auth, 'content-type': 'application/json' },
        JSON.stringify({ concernId: 'certificates' }),
      );
      expect(issued.status).toBe(201);
    }
    const called = await post(server.url, '/api/counters/desk-1/call-next', { ...auth, ...json });
    expect(called.status).toBe(200);
    expect(called.body.ticket.number).toMatch(/\d/);
    const bare = await post(server.url, '/api/counters/desk-1/recall', { ...auth, 'content-length': '0' });
    expect(bare.status).toBe(200);
    const completed = await post(server.url, '/api/counters/desk-1/complete', { ...auth, ...json });
    expect(completed.status).toBe(200);
    const noConcern = await post(server.url, '/api/tickets', { ...auth, ...json });
    expect(noConcern.status).toBe(400);
    expect(typeof noConcern.body.error.code).toBe('string');
    const broken = await post(
      server.url,
      '/api/tickets',
      { ...auth, 'content-type': 'application/json' },
      '{"concernId":',
    );
    expect(broken.status).toBe(400);
    expect(typeof broken.body.error.code).toBe('string');
  });
});

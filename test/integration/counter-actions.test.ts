/** A clerk's finer actions over HTTP: call by number, start, park and return, pause with a reason. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { http, login, removeDir, startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let admin: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await login(server.url);
});

afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

const post = (path: string, body?: unknown) => http(server.url, 'POST', path, body, admin);

describe('counter actions', () => {
  it('call by number, start, park, return and call again', async () => {
    const a = (await http(server.url, 'POST', '/api/tickets', { concernId: 'education' })).body.ticket;
    const b = (await http(server.url, 'POST', '/api/tickets', { concernId: 'education' })).body.ticket;
    const view = await http(server.url, 'GET', '/api/counters/desk-3', undefined, admin);
    expect(view.body.next.map((t: { number: string }) => t.number)).toEqual([a.number, b.number]);

    const specific = await post('/api/counters/desk-3/call', { ticketId: b.id });
    expect(specific.status).toBe(200);
    expect(specific.body.ticket).toMatchObject({ id: b.id, status: 'called' });

    const started = await post('/api/counters/desk-3/start');
    expect(started.body.ticket.servedAt).toBeDefined();
    const recall = await post('/api/counters/desk-3/recall');
    expect(recall.status).toBe(409);
    expect(recall.body.error.code).toBe('SERVICE_STARTED');

    const parked = await post('/api/counters/desk-3/park');
    expect(parked.body.ticket).toMatchObject({ id: b.id, status: 'waiting', parked: true });
    const after = (await http(server.url, 'GET', '/api/counters/desk-3', undefined, admin)).body;
    expect(after.current).toBeNull();
    expect(after.parked.map((t: { ticketId: string }) => t.ticketId)).toEqual([b.id]);
    expect(after.waiting.find((w: { concernId: string }) => w.concernId === 'education').count).toBe(1);

    // Call next skips the parked visitor.
    const next = await post('/api/counters/desk-3/call-next');
    expect(next.body.ticket.id).toBe(a.id);
    // "Ist zurück" while someone else is at the counter is refused; once free, service resumes here.
    expect((await post('/api/counters/desk-3/return', { ticketId: b.id })).body.error.code).toBe('COUNTER_BUSY');
    await post('/api/counters/desk-3/complete');
    const back = await post('/api/counters/desk-3/return', { ticketId: b.id });
    expect(back.body.ticket).toMatchObject({ id: b.id, status: 'called', counterId: 'desk-3', issuedAt: b.issuedAt });
    expect(back.body.ticket.parked).toBeUndefined();
    expect(back.body.ticket.servedAt).toBeDefined();
    const desk = (await http(server.url, 'GET', '/api/counters/desk-3', undefined, admin)).body;
    expect(desk.current.id).toBe(b.id);
    expect(desk.parked).toEqual([]);
    await post('/api/counters/desk-3/complete');

    expect((await post('/api/counters/desk-3/call', { ticketId: 'nope' })).body.error.code).toBe('UNKNOWN_TICKET');
    const wrong = (await http(server.url, 'POST', '/api/tickets', { concernId: 'certificates' })).body.ticket;
    expect((await post('/api/counters/desk-3/call', { ticketId: wrong.id })).body.error.code).toBe(
      'COUNTER_NOT_SERVING',
    );
  });

  it('a pause keeps its reason until the clerk resumes', async () => {
    const paused = await post('/api/counters/desk-2/status', { status: 'paused', reason: 'Mittagspause' });
    expect(paused.body).toMatchObject({ status: 'paused', pauseReason: 'Mittagspause' });
    const resumed = await post('/api/counters/desk-2/status', { status: 'open' });
    expect(resumed.body.status).toBe('open');
    expect(resumed.body.pauseReason).toBeUndefined();
    expect((await post('/api/counters/desk-2/status', { status: 'sleeping' })).status).toBe(400);
  });
});

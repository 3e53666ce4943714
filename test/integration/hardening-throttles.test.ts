/**
 * Floods and guessing, performed against real servers: sign-in guessing with throwaway user
 * names and forged `X-Forwarded-For`, guessing across two processes sharing Redis, appointment
 * codes by brute force, one client drawing tickets without end, unknown status tokens, and one
 * socket sending thousands of events.
 */
import { describe, expect, it } from 'vitest';
import { servicePerFile, startRedis } from '../helpers/services.ts';
import { ADMIN_PASSWORD, connectClient, http, login } from '../helpers/server.ts';
import { testScope } from '../helpers/scope.ts';

const { cleanup, server } = testScope();

async function signIn(base: string, username: string, password: string, forwardedFor?: string) {
  const r = await fetch(`${base}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
    body: JSON.stringify({ username, password }),
  });
  return { status: r.status, code: ((await r.json()) as { error?: { code: string } }).error?.code };
}

describe('sign-in guessing', () => {
  it('throwaway user names do not flush the count: the client is stopped, even for admin', async () => {
    const s = await server();
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 40; i++) codes.push((await signIn(s.url, `nobody-${i}`, 'guess')).code);
    expect(codes.slice(0, 20)).toEqual(Array(20).fill('INVALID_CREDENTIALS'));
    expect(codes.slice(20)).toEqual(Array(20).fill('RATE_LIMITED'));
    expect(await signIn(s.url, 'admin', ADMIN_PASSWORD)).toEqual({ status: 429, code: 'RATE_LIMITED' });
  });

  it('a forged X-Forwarded-For does not make a new client; the account is limited wherever guesses come from', async () => {
    const s = await server();
    const answers: number[] = [];
    for (let i = 0; i < 14; i++) answers.push((await signIn(s.url, 'admin', `guess-${i}`, `203.0.113.${i}`)).status);
    expect(answers.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(answers.slice(10)).toEqual(Array(4).fill(429));
  });

  it('X-Forwarded-For counts from a proxy named in LOTSE_TRUST_PROXY', async () => {
    const s = await server({ trustProxy: ['loopback'] });
    for (let i = 0; i < 21; i++) await signIn(s.url, `nobody-${i}`, 'guess', '198.51.100.7');
    expect((await signIn(s.url, 'nobody', 'guess', '198.51.100.7')).status).toBe(429);
    expect((await signIn(s.url, 'admin', ADMIN_PASSWORD, '198.51.100.8')).status).toBe(200);
  });
});

describe('with Redis, processes count together', () => {
  const redis = servicePerFile(startRedis);

  it('guesses spread over two processes hit one limit', async () => {
    const a = await server({ redisUrl: redis.service.url });
    const b = await server({ redisUrl: redis.service.url });
    for (let i = 0; i < 5; i++) expect((await signIn(a.url, 'admin', `guess-a-${i}`)).status).toBe(401);
    for (let i = 0; i < 5; i++) expect((await signIn(b.url, 'admin', `guess-b-${i}`)).status).toBe(401);
    expect(await signIn(a.url, 'admin', ADMIN_PASSWORD)).toEqual({ status: 429, code: 'RATE_LIMITED' });
    expect(await signIn(b.url, 'admin', ADMIN_PASSWORD)).toEqual({ status: 429, code: 'RATE_LIMITED' });
  });
});

describe('appointment codes', () => {
  it('guessing codes is stopped per client; then even a real code waits', async () => {
    const now = Date.parse('2026-11-23T08:00:00Z');
    const s = await server({ clock: () => now });
    const admin = await login(s.url);
    const booked = await http(
      s.url,
      'POST',
      '/api/appointments',
      { code: 'T-417', concernId: 'housing', start: '2026-11-23T08:10:00Z' },
      admin,
    );
    expect(booked.status).toBe(201);
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      statuses.push((await http(s.url, 'POST', '/api/tickets', { appointmentCode: `T-${i}` })).status);
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(404));
    expect(statuses.slice(20)).toEqual(Array(10).fill(429));
    const real = await http(s.url, 'POST', '/api/tickets', { appointmentCode: 'T-417' });
    expect(real.status).toBe(429);
    expect(real.body.error.code).toBe('RATE_LIMITED');
    // A clerk still checks the visitor in.
    expect((await http(s.url, 'POST', '/api/tickets', { appointmentCode: 'T-417' }, admin)).status).toBe(201);
  });
});

describe('floods', () => {
  it('one anonymous client cannot draw 200 tickets a minute; staff are not limited', async () => {
    const s = await server();
    let issued = 0;
    let limited: { status: number; body: { error: { code: string } } } | undefined;
    for (let i = 0; i < 200 && !limited; i++) {
      const r = await http(s.url, 'POST', '/api/tickets', { concernId: 'documents' });
      if (r.status === 201) issued++;
      else limited = r;
    }
    expect(limited?.status).toBe(429);
    expect(limited?.body.error.code).toBe('RATE_LIMITED');
    expect(issued).toBeLessThan(200);

    const admin = await login(s.url);
    const staffAnswers = await Promise.all(
      Array.from({ length: 150 }, () => http(s.url, 'POST', '/api/tickets', { concernId: 'documents' }, admin)),
    );
    expect(staffAnswers.every((r) => r.status === 201)).toBe(true);
  });

  it('unknown status tokens are limited per client', async () => {
    const s = await server();
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      statuses.push((await http(s.url, 'GET', `/api/status/${'A'.repeat(20)}${String(i).padStart(2, '0')}`)).status);
    }
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(404));
    expect(statuses.slice(30)).toEqual(Array(10).fill(429));
  });

  it('a socket flooding events gets RATE_LIMITED and is then dropped', async () => {
    const s = await server();
    const socket = await connectClient(s.url);
    cleanup.push(() => void socket.disconnect());
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => socket.timeout(5000).emitWithAck('screen:join', {})),
    );
    const codes = answers.map((a) => (a.ok ? 'ok' : a.error));
    expect(codes.filter((c) => c === 'ok').length).toBe(60);
    expect(codes.filter((c) => c === 'RATE_LIMITED').length).toBe(40);
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    for (let i = 0; i < 300; i++) socket.emit('screen:join', {}, () => undefined);
    expect(await dropped).toBe('io server disconnect');
  });
});

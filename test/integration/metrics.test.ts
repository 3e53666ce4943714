/**
 * Operations: Prometheus metrics (`GET /metrics`), parsed with a real Prometheus text parser,
 * and health told apart as "up" and "ready" (store writable, Redis reachable).
 */
import { readFileSync } from 'node:fs';
import parsePrometheusTextFormat, { type PromFamily } from 'parse-prometheus-text-format';
import { describe, expect, it } from 'vitest';
import { testScope } from '../helpers/scope.ts';
import { startRedis } from '../helpers/services.ts';
import { http, login } from '../helpers/server.ts';

const TOKEN = 'a-long-metrics-token-for-prometheus';
const scope = testScope();

async function scrape(base: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}/metrics`, { headers });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

function family(families: PromFamily[], name: string): PromFamily {
  const found = families.find((f) => f.name === name);
  if (!found) throw new Error(`metric ${name} missing`);
  return found;
}

const sample = (f: PromFamily, labels: Record<string, string>) =>
  f.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));

describe('GET /metrics', () => {
  it('counts tickets, calls, waits, sockets, printers, store writes and event-loop lag in Prometheus text', async () => {
    const s = await scope.server({ printer: 'virtual' });
    const admin = await login(s.url);
    await scope.client(s.url);
    expect((await http(s.url, 'POST', '/api/tickets', { concernId: 'housing' })).status).toBe(201);
    expect((await http(s.url, 'POST', '/api/tickets', { concernId: 'housing' })).status).toBe(201);
    expect((await http(s.url, 'POST', '/api/tickets', { concernId: 'documents' })).status).toBe(201);
    expect((await http(s.url, 'POST', '/api/counters/desk-2/call-next', undefined, admin)).body.ticket).toBeTruthy();
    expect((await http(s.url, 'POST', '/api/counters/desk-2/recall', undefined, admin)).status).toBe(200);

    const answer = await scrape(s.url);
    expect(answer.status).toBe(200);
    expect(answer.type).toContain('text/plain');
    const families = parsePrometheusTextFormat(answer.text);

    const issued = family(families, 'lotse_tickets_issued_total');
    expect(issued.type).toBe('COUNTER');
    expect(Number(sample(issued, { concern: 'housing', source: 'kiosk' })?.value)).toBe(2);
    expect(Number(sample(issued, { concern: 'documents', source: 'kiosk' })?.value)).toBe(1);

    const calls = family(families, 'lotse_calls_total');
    expect(Number(sample(calls, { counter: 'desk-2', recall: 'false' })?.value)).toBe(1);
    expect(Number(sample(calls, { counter: 'desk-2', recall: 'true' })?.value)).toBe(1);

    // The parser keeps a histogram's buckets but not its labels: the labels are read from the text.
    const waits = family(families, 'lotse_wait_seconds');
    expect(waits.type).toBe('HISTOGRAM');
    expect(waits.metrics.map((m) => m.buckets?.['+Inf'])).toEqual(['1']);
    const calledConcern = sample(calls, { counter: 'desk-2', recall: 'false' })?.labels?.concern ?? '';
    expect(answer.text).toContain(`lotse_wait_seconds_count{concern="${calledConcern}"} 1`);

    const sockets = family(families, 'lotse_sockets');
    expect(Number(sample(sockets, { namespace: '/' })?.value)).toBe(1);
    expect(Number(sample(sockets, { namespace: '/print' })?.value)).toBe(0);

    const printers = family(families, 'lotse_printer_state');
    expect(printers.metrics.filter((m) => m.labels?.printer === 'default')).toHaveLength(5);
    expect(printers.metrics.filter((m) => m.labels?.printer === 'default' && m.value === '1')).toHaveLength(1);

    const writes = family(families, 'lotse_store_write_seconds');
    expect(Number(writes.metrics[0]?.buckets?.['+Inf'])).toBeGreaterThanOrEqual(5);
    expect(answer.text).toMatch(/lotse_store_write_seconds_count\{outcome="stored"\} \d+/);
    expect(family(families, 'nodejs_eventloop_lag_seconds').type).toBe('GAUGE');
  });

  it('answers loopback clients; others only with the configured token', async () => {
    const s = await scope.server({ metricsToken: TOKEN });
    // A request passed on by a proxy on this machine is not a loopback client.
    const proxied = { 'x-forwarded-for': '203.0.113.9' };
    expect((await scrape(s.url)).status).toBe(200);
    const refused = await scrape(s.url, proxied);
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.text).error.code).toBe('UNAUTHENTICATED');
    const wrong = await scrape(s.url, { ...proxied, authorization: 'Bearer not-the-token' });
    expect(wrong.status).toBe(403);
    expect(JSON.parse(wrong.text).error.code).toBe('FORBIDDEN');
    const allowed = await scrape(s.url, { ...proxied, authorization: `Bearer ${TOKEN}` });
    expect(allowed.status).toBe(200);
    expect(parsePrometheusTextFormat(allowed.text).some((f) => f.name === 'lotse_tickets_issued_total')).toBe(true);
  });

  it('refuses every client from elsewhere when no token is configured', async () => {
    const server = await scope.server();
    const answer = await scrape(server.url, { 'x-forwarded-for': '203.0.113.9', authorization: 'Bearer anything' });
    expect(answer.status).toBe(403);
  });
});

describe('deploy/grafana-dashboard.json', () => {
  it('queries only metrics the server exports', async () => {
    const server = await scope.server();
    const families = parsePrometheusTextFormat((await scrape(server.url)).text).map((f) => f.name);
    const dashboard = JSON.parse(readFileSync(new URL('../../deploy/grafana-dashboard.json', import.meta.url), 'utf8'));
    const exprs: string[] = dashboard.panels.flatMap((p: { targets: { expr: string }[] }) =>
      p.targets.map((t) => t.expr),
    );
    expect(exprs.length).toBeGreaterThanOrEqual(8);
    const used = new Set(exprs.flatMap((e) => e.match(/\b(lotse|nodejs|process)_[a-z0-9_]+/g) ?? []));
    for (const name of used) expect(families, name).toContain(name.replace(/_(bucket|count|sum)$/, ''));
  });
});

describe('GET /api/health', () => {
  it('tells "up" from "ready": 503 naming Redis while Redis is down, ok again once it is back', async () => {
    const redis = await startRedis();
    scope.cleanup.push(() => redis.stop());
    const s = await scope.server({ redisUrl: redis.url });
    expect(await http(s.url, 'GET', '/api/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await http(s.url, 'GET', '/api/health/live')).toMatchObject({ status: 200, body: { status: 'up' } });

    await redis.crash();
    let health = await http(s.url, 'GET', '/api/health');
    for (let i = 0; i < 100 && health.status === 200; i++) {
      await new Promise((r) => setTimeout(r, 100));
      health = await http(s.url, 'GET', '/api/health');
    }
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({
      status: 'unavailable',
      checks: { store: true, redis: false },
      error: { code: 'REDIS_UNAVAILABLE' },
    });
    // Up all the same: the process answers, a restart would not help.
    expect(await http(s.url, 'GET', '/api/health/live')).toMatchObject({ status: 200, body: { status: 'up' } });

    await redis.restart();
    for (let i = 0; i < 200 && health.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 100));
      health = await http(s.url, 'GET', '/api/health');
    }
    expect(health).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('is 503 with STORAGE_UNAVAILABLE once the store cannot write', async () => {
    const s = await scope.server();
    expect((await http(s.url, 'GET', '/api/health')).status).toBe(200);
    await s.ctx.store.close();
    const health = await http(s.url, 'GET', '/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ checks: { store: false }, error: { code: 'STORAGE_UNAVAILABLE' } });
  });
});

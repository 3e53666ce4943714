/**
 * Concurrent call-next from 30 counters: an office with 30 counters serving one concern; four
 * kiosks keep drawing tickets while 30 clerks call as fast as they can, until `calls` visitors
 * were called. Counts double calls (one ticket handed to two counters) and throughput.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOfficeConfig } from '../server/office-config.ts';
import { BENCH_ADMIN_PASSWORD, postJson, startServer } from './server-process.ts';

export async function benchRace(counters = 30, tickets = 10_000) {
  const dir = mkdtempSync(join(tmpdir(), 'lotse-bench-race-'));
  const office = loadOfficeConfig(undefined);
  office.counters = Array.from({ length: counters }, (_, i) => ({
    id: `desk-${i + 1}`,
    name: `Platz ${i + 1}`,
    concernIds: ['documents'],
  }));
  const configPath = join(dir, 'race-office.json');
  writeFileSync(configPath, JSON.stringify(office));
  const server = await startServer(join(dir, 'data'), { LOTSE_CONFIG: configPath });
  try {
    const { base } = server;
    const token = (await postJson(base, '/api/login', { username: 'admin', password: BENCH_ADMIN_PASSWORD })).token;
    for (let i = 0; i < 300; i++) await postJson(base, '/api/tickets', { concernId: 'documents' });
    const calledBy = new Map<string, string[]>();
    let calls = 0;
    let issued = 300;
    const started = performance.now();
    const deadline = Date.now() + 5 * 60_000;
    const kiosks = Array.from({ length: 4 }, async () => {
      while (issued < tickets && Date.now() < deadline) {
        issued++;
        await postJson(base, '/api/tickets', { concernId: 'documents' });
      }
    });
    const clerks = office.counters.map(async (c) => {
      while (calls < tickets && Date.now() < deadline) {
        const answer = await postJson(base, `/api/counters/${c.id}/call-next`, undefined, token);
        if (!answer.ticket) {
          if (issued >= tickets) return;
          await new Promise((r) => setTimeout(r, 5));
          continue;
        }
        calls++;
        const list = calledBy.get(answer.ticket.id) ?? [];
        list.push(c.id);
        calledBy.set(answer.ticket.id, list);
      }
    });
    await Promise.all([...kiosks, ...clerks]);
    const seconds = (performance.now() - started) / 1000;
    const doubles = [...calledBy.values()].filter((l) => l.length > 1).length;
    return { calls, distinct: calledBy.size, doubles, perSecond: calls / seconds };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Concurrent call-next from 30 counters: an office with 30 counters serving one concern,
 * `tickets` waiting, 30 clerks calling as fast as they can until every ticket was called.
 * Counts double calls (a ticket handed to two counters) and throughput.
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
    for (let i = 0; i < tickets; i++) await postJson(base, '/api/tickets', { concernId: 'documents' });
    const token = (await postJson(base, '/api/login', { username: 'admin', password: BENCH_ADMIN_PASSWORD })).token;
    const calledBy = new Map<string, string[]>();
    let calls = 0;
    const started = performance.now();
    await Promise.all(
      office.counters.map(async (c) => {
        for (let i = 0; i < tickets; i++) {
          const answer = await postJson(base, `/api/counters/${c.id}/call-next`, undefined, token);
          if (!answer.ticket) return;
          calls++;
          const list = calledBy.get(answer.ticket.id) ?? [];
          list.push(c.id);
          calledBy.set(answer.ticket.id, list);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const doubles = [...calledBy.values()].filter((l) => l.length > 1).length;
    return { calls, distinct: calledBy.size, doubles, perSecond: calls / seconds };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

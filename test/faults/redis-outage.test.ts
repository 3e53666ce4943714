/**
 * Redis killed and restarted while calls are made: a screen on another server process stops
 * hearing heartbeats (so it can show that it is not fed), hears them again afterwards, and
 * catches up by sequence number: every call exactly once, in order.
 */
import { io, type Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import type { CallView } from '../../core/api.ts';
import type { ScreenJoinAnswer } from '../../core/events.ts';
import { type ServerProcess, startServerProcess } from '../helpers/processes.ts';
import { http, login, removeDir, tempDataDir } from '../helpers/server.ts';
import { type RestartableService, startPostgres, startRedis } from '../helpers/services.ts';
import { Ledger, waitFor } from './ledger.ts';

const PASSWORD = 'fault-suite-password';
let pg: RestartableService | undefined;
let redis: RestartableService | undefined;
const processes: ServerProcess[] = [];
const dir = tempDataDir();
let screen: Socket | undefined;

afterAll(async () => {
  screen?.disconnect();
  await Promise.all(processes.map((p) => p.stop('SIGKILL')));
  await redis?.stop();
  await pg?.stop();
  removeDir(dir);
});

/** A screen following the documented protocol: live calls, and a join with `afterSeq` to catch up. */
function followCalls(url: string) {
  const socket = io(url, { transports: ['websocket'], forceNew: true });
  const taken: number[] = [];
  const beats: { at: number; seq: number }[] = [];
  let lastSeq = 0;
  let joining = false;
  const join = () => {
    if (joining) return;
    joining = true;
    socket.emit('screen:join', { afterSeq: lastSeq }, (answer: { ok: boolean; data: ScreenJoinAnswer }) => {
      joining = false;
      if (!answer.ok) return;
      for (const call of answer.data.missed) take(call);
    });
  };
  const take = (call: CallView) => {
    if (call.seq <= lastSeq) return;
    if (call.seq > lastSeq + 1) return join();
    lastSeq = call.seq;
    taken.push(call.seq);
  };
  socket.on('connect', join);
  socket.on('call:announced', take);
  socket.on('screen:heartbeat', (beat: { seq: number }) => {
    beats.push({ at: Date.now(), seq: beat.seq });
    if (beat.seq > lastSeq) join();
  });
  return { socket, taken, beats };
}

describe('a Redis outage', () => {
  it('screens see they are not fed, then catch up in sequence order', async () => {
    [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
    for (const i of [0, 1]) {
      processes.push(
        await startServerProcess({
          LOTSE_DATABASE_URL: pg.url,
          LOTSE_REDIS_URL: redis.url,
          LOTSE_DATA: `${dir}/node-${i}`,
          LOTSE_ADMIN_PASSWORD: PASSWORD,
        }),
      );
    }
    const [a, b] = processes as [ServerProcess, ServerProcess];
    const admin = await login(a.url, 'admin', PASSWORD);
    const ledger = new Ledger();
    for (let i = 0; i < 8; i++) expect(await ledger.draw(a.url, admin, 'documents')).toBe(201);
    const follower = followCalls(b.url);
    screen = follower.socket;
    await waitFor(async () => follower.beats.length > 0, 15_000, 'a first heartbeat');

    const call = async () => expect(await ledger.callNext(a.url, admin, 'desk-1')).toBe(200);
    for (let i = 0; i < 3; i++) await call();
    await waitFor(async () => follower.taken.length === 3, 10_000, 'three live calls');

    await redis.crash();
    const crashedAt = Date.now();
    for (let i = 0; i < 3; i++) await call();
    // Not fed: no heartbeat for longer than three heartbeat intervals' worth of a screen's patience.
    await new Promise((r) => setTimeout(r, 12_000));
    expect(follower.beats.filter((beat) => beat.at > crashedAt + 1000)).toEqual([]);
    for (const p of processes) expect(p.child.exitCode, p.stderr()).toBeNull();

    await redis.restart();
    await waitFor(async () => follower.beats.some((beat) => beat.at > crashedAt + 1000), 30_000, 'heartbeats again');
    await waitFor(async () => follower.taken.length === 6, 10_000, 'the missed calls');
    for (let i = 0; i < 2; i++) await call();
    await waitFor(async () => follower.taken.length === 8, 10_000, 'live calls again');
    expect(follower.taken).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect((await http(b.url, 'GET', '/api/health')).status).toBe(200);
  });
});

/**
 * Call → screen latency: `screens` socket.io clients join the lobby room; a clerk calls
 * `calls` times over HTTP; each screen's receive time minus the call's send time.
 */
import { io, type Socket } from 'socket.io-client';
import { BENCH_ADMIN_PASSWORD, postJson, quantile } from './server-process.ts';

export async function benchCallToScreen(base: string, screens: number, calls: number, gapMs = 50) {
  const token = (await postJson(base, '/api/login', { username: 'admin', password: BENCH_ADMIN_PASSWORD })).token as string;
  const sockets: Socket[] = [];
  try {
    for (let i = 0; i < screens; i++) {
      sockets.push(io(base, { transports: ['websocket'], forceNew: true, reconnection: false }));
    }
    await Promise.all(
      sockets.map((s) => new Promise<void>((resolve) => (s.connected ? resolve() : s.once('connect', () => resolve())))),
    );
    await Promise.all(sockets.map((s) => s.emitWithAck('screen:join', {})));
    for (let i = 0; i < calls; i++) await postJson(base, '/api/tickets', { concernId: 'certificates' });
    const latencies: number[] = [];
    let missing = 0;
    for (let i = 0; i < calls; i++) {
      const received = sockets.map(
        (s) => new Promise<number>((resolve) => s.once('call:announced', () => resolve(performance.now()))),
      );
      const t0 = performance.now();
      await postJson(base, '/api/counters/desk-1/call-next', undefined, token);
      const times = await Promise.race([Promise.all(received), new Promise<null>((r) => setTimeout(() => r(null), 5000))]);
      if (times) for (const t of times) latencies.push(t - t0);
      else missing++;
      await new Promise((r) => setTimeout(r, gapMs));
    }
    return { p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), samples: latencies.length, missing };
  } finally {
    for (const s of sockets) s.disconnect();
  }
}

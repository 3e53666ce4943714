/**
 * A load generator process: opens socket.io clients to the server. As the observer it reports,
 * over IPC, the wall-clock time (performance.timeOrigin + now) at which each call was received;
 * as load it only holds its connections (and receives everything), so timing is not skewed by
 * one process handling thousands of messages in a row.
 * Screens join the lobby room; phones follow their own ticket (tokens come from the parent).
 * Started by the benchmarks with child_process.fork; it exits when told to, or after 10 minutes.
 */
import { io, type Socket } from 'socket.io-client';

interface Start {
  type: 'start';
  base: string;
  screens: number;
  phoneTokens: string[];
  /** Report receive times (the observer); load generators only hold their connections. */
  observe: boolean;
}

const now = () => performance.timeOrigin + performance.now();
const sockets: Socket[] = [];
const watchdog = setTimeout(() => process.exit(2), 10 * 60_000);
watchdog.unref();

function open(base: string): Socket {
  const s = io(base, { transports: ['websocket'], forceNew: true, reconnection: false, timeout: 20_000 });
  sockets.push(s);
  return s;
}

async function connected(s: Socket) {
  if (s.connected) return;
  await new Promise<void>((resolve, reject) => {
    s.once('connect', () => resolve());
    s.once('connect_error', reject);
  });
}

process.on('message', async (msg: Start | { type: 'stop' }) => {
  if (msg.type === 'stop') {
    for (const s of sockets) s.disconnect();
    process.exit(0);
  }
  const screens: Socket[] = [];
  for (let i = 0; i < msg.screens; i++) screens.push(open(msg.base));
  const phones = msg.phoneTokens.map(() => open(msg.base));
  // Connect in batches so the server is not hit by thousands of handshakes at once.
  const all = [...screens, ...phones];
  for (let i = 0; i < all.length; i += 200) await Promise.all(all.slice(i, i + 200).map(connected));
  for (let i = 0; i < screens.length; i += 200) {
    await Promise.all(screens.slice(i, i + 200).map((s) => s.emitWithAck('screen:join', {})));
  }
  for (let i = 0; i < phones.length; i += 200) {
    await Promise.all(
      phones.slice(i, i + 200).map((s, k) => s.emitWithAck('ticket:watch', { token: msg.phoneTokens[i + k] })),
    );
  }
  let buffer: [string, number][] = [];
  for (const s of msg.observe ? screens : []) {
    s.on('call:announced', (call: { number: string }) => {
      buffer.push([call.number, now()]);
    });
  }
  const flush = setInterval(() => {
    if (buffer.length) {
      process.send?.({ type: 'received', items: buffer });
      buffer = [];
    }
  }, 100);
  flush.unref();
  process.send?.({ type: 'ready', connected: all.filter((s) => s.connected).length });
});

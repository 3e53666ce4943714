/**
 * The documented deployment for real: nginx (Debian's package) in front of two server
 * processes on PostgreSQL and Redis. Kiosks and screens talk only to nginx. One process is
 * killed with SIGKILL while kiosks draw tickets: screens reconnect through nginx to the other
 * process by themselves, still hear every call, and no confirmed ticket is lost.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/ports.ts';
import { startServerProcess, type ServerProcess } from '../helpers/processes.ts';
import { http, login, removeDir, tempDataDir } from '../helpers/server.ts';
import { type Service, startPostgres, startRedis } from '../helpers/services.ts';

const PASSWORD = 'nginx-admin-password';
let pg: Service;
let redis: Service;
let dir: string;
let nodes: ServerProcess[] = [];
let nginx: ChildProcess | undefined;
let base: string;
const screens: Socket[] = [];

async function startNginx(upstreams: number[]): Promise<string> {
  if (!existsSync('/usr/sbin/nginx'))
    throw new Error('nginx is not installed: apt-get install nginx-light (.ci/run does)');
  const port = await freePort();
  const prefix = join(dir, 'nginx');
  mkdirSync(join(prefix, 'logs'), { recursive: true });
  const conf = join(prefix, 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  map $http_upgrade $connection_upgrade { default upgrade; '' close; }
  upstream lotse { ${upstreams.map((p) => `server 127.0.0.1:${p} max_fails=1 fail_timeout=30s;`).join(' ')} }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://lotse;
      proxy_http_version 1.1;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_next_upstream error timeout http_502;
      proxy_connect_timeout 2s;
    }
  }
}
`,
  );
  nginx = spawn('/usr/sbin/nginx', ['-p', prefix, '-c', conf, '-g', 'daemon off;'], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return url;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('nginx did not start');
}

beforeAll(async () => {
  [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
  dir = tempDataDir();
  nodes = await Promise.all(
    [0, 1].map((i) =>
      startServerProcess({
        LOTSE_DATABASE_URL: pg.url,
        LOTSE_REDIS_URL: redis.url,
        LOTSE_DATA: join(dir, `node-${i}`),
        LOTSE_ADMIN_PASSWORD: PASSWORD,
      }),
    ),
  );
  base = await startNginx(nodes.map((n) => n.port));
}, 120_000);

afterAll(async () => {
  for (const s of screens) s.disconnect();
  nginx?.kill('SIGKILL');
  if (nginx && nginx.exitCode === null) await once(nginx, 'exit');
  await Promise.all(nodes.map((n) => n.stop('SIGKILL')));
  await redis?.stop();
  await pg?.stop();
  if (dir) removeDir(dir);
});

describe('nginx in front of two processes', () => {
  it('screens reconnect to the surviving process and hear every call; no confirmed ticket is lost', async () => {
    // Four screens through nginx (round robin puts them on both processes).
    for (let i = 0; i < 4; i++) {
      const s = io(base, {
        transports: ['websocket'],
        forceNew: true,
        reconnectionDelay: 200,
        reconnectionDelayMax: 500,
      });
      screens.push(s);
      await new Promise<void>((r) => s.once('connect', () => r()));
      await s.emitWithAck('screen:join', {});
      s.on('connect', () => void s.emitWithAck('screen:join', {}));
    }
    const heard = screens.map(() => new Set<string>());
    screens.forEach((s, i) => {
      s.on('call:announced', (c: { number: string }) => {
        heard[i]!.add(c.number);
      });
    });

    const confirmed: { number: string; token: string }[] = [];
    let stop = false;
    const kiosks = Promise.all(
      [0, 1].map(async () => {
        for (let i = 0; i < 400 && !stop; i++) {
          try {
            const r = await http(base, 'POST', '/api/tickets', { concernId: 'certificates' });
            if (r.status === 201)
              confirmed.push({ number: r.body.ticket.number, token: r.body.ticket.statusUrl.slice(3) });
          } catch {
            /* a request cut off by the kill is not confirmed; the kiosk would retry */
          }
        }
      }),
    );
    await new Promise((r) => setTimeout(r, 300));
    await nodes[0]!.stop('SIGKILL');
    await new Promise((r) => setTimeout(r, 500));
    stop = true;
    await kiosks;

    const numbers = confirmed.map((c) => c.number);
    expect(confirmed.length).toBeGreaterThan(10);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const c of confirmed) expect((await http(base, 'GET', `/api/status/${c.token}`)).status, c.number).toBe(200);

    // Every screen is connected again (to the survivor) and hears a new call.
    await expect.poll(() => screens.every((s) => s.connected), { timeout: 10_000 }).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    const token = await login(base, 'admin', PASSWORD);
    const called = await http(base, 'POST', '/api/counters/desk-1/call-next', undefined, token);
    expect(called.status).toBe(200);
    await expect.poll(() => heard.every((h) => h.has(called.body.ticket.number)), { timeout: 5000 }).toBe(true);
  });
});

/**
 * The production path: the server bundled once (`scripts/build-server.mjs`), copied with the
 * built apps into an empty folder, the production dependencies installed from npm's cache
 * (`npm ci --omit=dev --offline`: no vite, tsx is not used), then `node dist/main.js` serves a
 * ticket over HTTP, its phone page and metrics, and logs one JSON line per request.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/ports.ts';
import { http } from '../helpers/server.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;
let child: ChildProcess | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lotse-prod-'));
  for (const file of ['package.json', 'package-lock.json']) cpSync(join(root, file), join(dir, file));
  await run(process.execPath, [join(root, 'scripts/build-server.mjs'), '--out', join(dir, 'dist')]);
  if (existsSync(join(root, 'dist/apps/kiosk/index.html'))) {
    cpSync(join(root, 'dist/apps'), join(dir, 'dist/apps'), { recursive: true });
  } else {
    await run(
      join(root, 'node_modules/.bin/vite'),
      ['build', '--logLevel', 'warn', '--outDir', join(dir, 'dist/apps')],
      {
        cwd: root,
      },
    );
  }
  await run('npm', ['ci', '--omit=dev', '--offline', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    env: { ...process.env, NODE_ENV: 'production' },
  });
}, 240_000);

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await once(child, 'exit');
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('production start', () => {
  it('runs from the bundle with production dependencies only and draws a ticket', async () => {
    for (const dev of ['vite', 'vitest', 'typescript', '@biomejs/biome', 'playwright-core']) {
      expect(existsSync(join(dir, 'node_modules', dev)), dev).toBe(false);
    }
    const port = await freePort();
    const started = spawn(process.execPath, ['--enable-source-maps', 'dist/main.js'], {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: dir,
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        LOTSE_DATA: join(dir, 'data'),
        LOTSE_ADMIN_PASSWORD: 'production-admin-password',
        LOTSE_PRINTER: 'virtual',
        LOTSE_LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = started;
    let log = '';
    started.stdout?.on('data', (d) => {
      log += String(d);
    });
    started.stderr?.on('data', (d) => {
      log += String(d);
    });
    const base = `http://127.0.0.1:${port}`;
    let up = false;
    for (let i = 0; i < 300 && !up && started.exitCode === null; i++) {
      up = await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (!up) await new Promise((r) => setTimeout(r, 100));
    }
    expect(up, log).toBe(true);

    const drawn = await http(base, 'POST', '/api/tickets', { concernId: 'housing' });
    expect(drawn.status).toBe(201);
    expect(drawn.body.ticket.number).toBe('W-001');
    expect(['printed', 'pending']).toContain(drawn.body.print.status);
    const token = String(drawn.body.ticket.statusUrl).slice('/t/'.length);
    expect((await http(base, 'GET', `/api/status/${token}`)).body.ticket.number).toBe('W-001');
    const phone = await fetch(`${base}/t/${token}`);
    expect(phone.status).toBe(200);
    expect(await phone.text()).toContain('<script');
    const kiosk = await fetch(`${base}/kiosk`);
    expect(kiosk.status).toBe(200);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain('lotse_tickets_issued_total{concern="housing",source="kiosk"} 1');

    started.kill('SIGTERM');
    const [code] = await once(started, 'exit');
    expect(code, log).toBe(0);
    const lines = log
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map(
        (line) =>
          JSON.parse(line) as { module?: string; req?: { method: string; url: string }; res?: { status: number } },
      );
    const requests = lines.filter((line) => line.module === 'http');
    expect(requests).toContainEqual(
      expect.objectContaining({ req: { method: 'POST', url: '/api/tickets' }, res: { status: 201 } }),
    );
    // The ticket's token never reaches the log.
    expect(requests).toContainEqual(expect.objectContaining({ req: { method: 'GET', url: '/t/:token' } }));
    expect(log).not.toContain(token);
  }, 60_000);
});

/**
 * The print agent of a kiosk PC against a real server, with the ESC/POS emulator as its printer:
 * jobs are routed to the agent, acknowledged, survive lost acknowledgements, agent outages and
 * server restarts, and each is printed exactly once. Also the agent as a real process.
 */
import { freePort } from '../helpers/ports.ts';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { OfficeConfig } from '../../core/types.ts';
import { PrintAgent } from '../../printer/agent.ts';
import { PrinterEmulator } from '../../printer/emulator.ts';
import type { PrintServiceOptions } from '../../server/printing/print-service.ts';
import { connectPrintClient, type PrintClient } from '../helpers/printing.ts';
import { demoOffice, http, login, removeDir, type TestServer, tempDataDir } from '../helpers/server.ts';
import { testScope } from '../helpers/scope.ts';

const AGENT = fileURLToPath(new URL('../../printer/agent.ts', import.meta.url));
const KEY1 = 'kiosk-one-agent-key-7Jq2mX9vLp';
const KEY = 'kiosk-two-agent-key-Hn4sW8cRt2';

const scope = testScope();
const { cleanup } = scope;

function office(): OfficeConfig {
  return {
    ...demoOffice(),
    kiosks: [
      { id: 'k1', name: 'Eingang', printer: 'agent', agentKey: KEY1 },
      { id: 'k2', name: 'Eingang rechts', printer: 'agent', agentKey: KEY },
      { id: 'hall', name: 'Halle' },
    ],
  };
}

async function emulator(): Promise<PrinterEmulator> {
  const e = await PrinterEmulator.start();
  cleanup.push(() => e.close());
  return e;
}

function server(options: { dataDir?: string; port?: number; printing?: PrintServiceOptions } = {}) {
  return scope.server({ ...options, office: office(), printing: { pollIntervalMs: 60_000, ...options.printing } });
}

function agent(
  url: string,
  printer: PrinterEmulator,
  extra: Partial<ConstructorParameters<typeof PrintAgent>[0]> = {},
) {
  const a = new PrintAgent({
    server: url,
    kioskId: 'k1',
    key: KEY1,
    device: printer.url,
    statePath: null,
    statusIntervalMs: 100,
    reconnectDelayMs: 50,
    ...extra,
  });
  cleanup.push(() => a.stop());
  return a;
}

const issue = (s: TestServer, kioskId = 'k1') => http(s.url, 'POST', '/api/tickets', { concernId: 'housing', kioskId });

async function printers(s: TestServer) {
  const admin = await login(s.url);
  return (await http(s.url, 'GET', '/api/printers', undefined, admin)).body.printers as {
    id: string;
    state: string;
    problem?: string;
    pendingJobs: number;
    printed: number;
    failed: number;
    paperOut: boolean;
  }[];
}

const numbersOn = (p: PrinterEmulator) => p.jobs.map((j) => j.lines.find((l) => /^W-\d{3}$/.test(l)));

describe('print agent', () => {
  it("prints its kiosk's tickets, acknowledges them and reports its printer", async () => {
    const printer = await emulator();
    const s = await server();
    const a = agent(s.url, printer);
    a.start();
    await a.whenJoined();

    const r = await issue(s);
    expect(r.status).toBe(201);
    expect(r.body.print).toEqual({ status: 'printed' });
    const [job] = await printer.waitForJobs(1);
    expect(job?.lines).toContain(r.body.ticket.number);
    expect(job?.qr).toEqual([`${s.url}${r.body.ticket.statusUrl}`]);
    expect((await issue(s, 'hall')).body.print).toEqual({ status: 'none' }); // not the agent's kiosk

    await expect
      .poll(async () => (await printers(s)).find((p) => p.id === 'kiosk:k1'))
      .toMatchObject({
        state: 'ready',
        printed: 1,
        pendingJobs: 0,
      });

    printer.condition = 'paper-out';
    const out = await issue(s);
    expect(out.body.print).toEqual({ status: 'failed', error: 'PAPER_OUT' });
    await expect
      .poll(async () => (await printers(s)).find((p) => p.id === 'kiosk:k1'))
      .toMatchObject({ state: 'error', problem: 'PAPER_OUT', paperOut: true, failed: 1 });
    expect(printer.jobs).toHaveLength(1);
  });

  it('a lost acknowledgement: the job comes again after the reconnect and is not printed twice', async () => {
    const printer = await emulator();
    const s = await server();
    let dropped = false;
    const a = agent(s.url, printer, {
      afterPrint: () => {
        if (dropped) return;
        dropped = true;
        a.socket.io.engine.close(); // the network drops after the printout, before the acknowledgement
      },
    });
    a.start();
    await a.whenJoined();
    const r = await issue(s);
    expect(r.body.print).toEqual({ status: 'printed' });
    expect(dropped).toBe(true);
    expect(a.printed).toHaveLength(1);
    expect(a.repeated).toEqual(a.printed); // sent again after the reconnect, acknowledged, not printed
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(numbersOn(printer)).toEqual([r.body.ticket.number]);
    expect((await printers(s)).find((p) => p.id === 'kiosk:k1')).toMatchObject({ printed: 1, pendingJobs: 0 });
  });

  it('jobs wait for an absent agent, survive server restarts, and each prints exactly once', async () => {
    const printer = await emulator();
    const dataDir = tempDataDir();
    cleanup.push(() => removeDir(dataDir));
    const port = await freePort();
    const statePath = join(dataDir, 'agent-state.json');
    const fast = { waitMs: 500 };

    let s = await server({ dataDir, port, printing: fast });
    const first = agent(s.url, printer, { statePath });
    first.start();
    await first.whenJoined();
    const t1 = (await issue(s)).body;
    expect(t1.print).toEqual({ status: 'printed' });

    // The kiosk PC is off: the ticket is valid, its printout waits.
    await first.stop();
    const t2 = (await issue(s)).body;
    expect(t2.print).toEqual({ status: 'pending' });
    const waiting = (await printers(s)).find((p) => p.id === 'kiosk:k1');
    expect(waiting).toMatchObject({ state: 'error', problem: 'AGENT_OFFLINE', pendingJobs: 1 });

    // The server restarts; the job is still there and goes to the agent when it is back.
    await s.stop();
    expect(JSON.parse(readFileSync(join(dataDir, 'print-jobs.json'), 'utf8')).jobs).toHaveLength(1);
    s = await server({ dataDir, port, printing: fast });
    const second = agent(s.url, printer, { statePath });
    second.start();
    await printer.waitForJobs(2);
    await expect.poll(async () => (await printers(s)).find((p) => p.id === 'kiosk:k1')?.pendingJobs).toBe(0);

    // The server restarts under a connected agent: it reconnects by itself and prints on.
    await s.stop();
    s = await server({ dataDir, port, printing: fast });
    const restarted = s;
    await expect
      .poll(async () => (await printers(restarted)).find((p) => p.id === 'kiosk:k1')?.state, { timeout: 10_000 })
      .toBe('ready');
    const t3 = (await issue(s)).body;
    expect(t3.print).toEqual({ status: 'printed' });

    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(numbersOn(printer)).toEqual([t1.ticket.number, t2.ticket.number, t3.ticket.number]);
    expect(JSON.parse(readFileSync(join(dataDir, 'print-jobs.json'), 'utf8')).jobs).toEqual([]);
  });

  it('a job the agent does not take in time expires: the kiosk is told, nothing prints later', async () => {
    const printer = await emulator();
    const s = await server({ printing: { waitMs: 200, agentJobTtlMs: 600 } });
    const kiosk: PrintClient = await connectPrintClient(s.url);
    cleanup.push(() => void kiosk.disconnect());
    const watched = await kiosk.emitWithAck('printer:watch', { kioskId: 'k1' });
    expect(watched).toMatchObject({ ok: true, data: [{ id: 'kiosk:k1', kind: 'agent', state: 'error' }] });

    const result = new Promise<unknown>((resolve) => kiosk.once('print:result', resolve));
    const r = await issue(s);
    expect(r.body.print).toEqual({ status: 'pending' });
    expect(await result).toEqual({ ticketId: r.body.ticket.id, print: { status: 'failed', error: 'AGENT_OFFLINE' } });

    const a = agent(s.url, printer);
    a.start();
    await a.whenJoined();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(printer.jobs).toHaveLength(0);
    expect((await printers(s)).find((p) => p.id === 'kiosk:k1')).toMatchObject({ failed: 1, pendingJobs: 0 });
  });

  it('refuses agents of unknown kiosks and agents without the right key', async () => {
    const printer = await emulator();
    const s = await server();
    const socket = await connectPrintClient(s.url);
    cleanup.push(() => void socket.disconnect());
    expect(await socket.emitWithAck('agent:join', { kioskId: 'hall' })).toEqual({ ok: false, error: 'NOT_FOUND' });
    expect(await socket.emitWithAck('agent:join', { kioskId: 'k2' })).toEqual({ ok: false, error: 'FORBIDDEN' });
    expect(await socket.emitWithAck('agent:join', { kioskId: 'k2', key: 'wrong-key-wrong' })).toEqual({
      ok: false,
      error: 'FORBIDDEN',
    });
    const status = { online: true, coverOpen: false, paperNearEnd: false, paperOut: false };
    expect(await socket.emitWithAck('agent:status', status)).toEqual({ ok: false, error: 'FORBIDDEN' });

    const keyed = agent(s.url, printer, { kioskId: 'k2', key: KEY });
    keyed.start();
    await keyed.whenJoined();
    expect((await issue(s, 'k2')).body.print).toEqual({ status: 'printed' });
  });

  it('runs as its own process (npm run printer) and picks up where it stopped', async () => {
    const printer = await emulator();
    const s = await server({ printing: { waitMs: 500 } });
    const statePath = join(s.dataDir, 'agent-process-state.json');
    const start = () => {
      const proc = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          AGENT,
          '--server',
          s.url,
          '--kiosk',
          'k1',
          '--device',
          printer.url,
          '--state',
          statePath,
          '--status-every',
          '1',
        ],
        {
          env: { ...process.env, LOTSE_LOG_LEVEL: 'error', LOTSE_AGENT_KEY: KEY1 },
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      let stderr = '';
      proc.stderr?.on('data', (d) => {
        stderr += String(d);
      });
      cleanup.push(() => {
        if (proc.exitCode === null) proc.kill('SIGKILL');
      });
      return { proc, stderr: () => stderr };
    };
    const connected = async () =>
      expect
        .poll(async () => (await printers(s)).find((p) => p.id === 'kiosk:k1')?.state, { timeout: 20_000 })
        .toBe('ready');

    let agentProcess: { proc: ChildProcess; stderr: () => string } = start();
    await connected();
    const t1 = (await issue(s)).body;
    expect(t1.print).toEqual({ status: 'printed' });

    agentProcess.proc.kill('SIGKILL');
    await once(agentProcess.proc, 'exit');
    const t2 = (await issue(s)).body;
    expect(t2.print).toEqual({ status: 'pending' });

    agentProcess = start();
    await printer.waitForJobs(2, 20_000);
    expect(numbersOn(printer)).toEqual([t1.ticket.number, t2.ticket.number]);
    await expect.poll(() => JSON.parse(readFileSync(statePath, 'utf8')).jobs.length).toBe(2);
    expect(agentProcess.stderr()).toBe('');

    agentProcess.proc.kill('SIGTERM');
    const [code] = await once(agentProcess.proc, 'exit');
    expect(code).toBe(0);
  });
});

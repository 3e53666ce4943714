/**
 * A network ESC/POS printer for tests: listens on 127.0.0.1 (random port), decodes what it
 * receives, answers DLE EOT status queries, and can play paper-out, cover-open, a printer
 * that never answers, replies split into single bytes, or a connection dropped mid-job.
 */
import net from 'node:net';
import { type DecodedTicket, EscPosDecoder, type EscPosCommand, summarize } from './decode.ts';
import { type SimulatedCondition, statusReplyByte } from './status.ts';

export type EmulatorCondition = 'ready' | 'paper-near-end' | 'paper-out' | 'cover-open' | 'cutter-error';

export interface EmulatedJob extends DecodedTicket {
  commands: EscPosCommand[];
  /** Connection number (1-based) it arrived on. */
  connection: number;
}

const CONDITIONS: Readonly<Record<EmulatorCondition, SimulatedCondition>> = {
  ready: {},
  'paper-near-end': { paperNearEnd: true },
  'paper-out': { paperOut: true },
  'cover-open': { coverOpen: true },
  'cutter-error': { cutterError: true },
};

export class PrinterEmulator {
  condition: EmulatorCondition = 'ready';
  /** When false, status queries get no answer (a printer without real-time status). */
  answerStatus = true;
  /** Send each status reply byte in its own write, this many ms apart (0: all at once). */
  replyByteDelayMs = 0;
  /** Jobs that ended with a cut. */
  readonly jobs: EmulatedJob[] = [];
  /** What arrived of jobs whose connection closed before their cut. */
  readonly aborted: EmulatedJob[] = [];
  /** Commands received while the printer could not print (paper out, cover open, error). */
  discarded = 0;
  statusQueries = 0;
  connections = 0;
  private dropAfter: number | undefined;
  private readonly sockets = new Set<net.Socket>();
  private waiters: { count: number; resolve: () => void }[] = [];

  private constructor(private readonly server: net.Server) {}

  static async start(): Promise<PrinterEmulator> {
    const server = net.createServer();
    const emulator = new PrinterEmulator(server);
    server.on('connection', (socket) => emulator.accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return emulator;
  }

  get port(): number {
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('emulator is not listening');
    return address.port;
  }

  get url(): string {
    return `tcp://127.0.0.1:${this.port}`;
  }

  /** The next connection is reset once it has received `bytes` bytes (status queries included). */
  dropNextConnectionAfter(bytes: number): void {
    this.dropAfter = bytes;
  }

  /** Resolves when at least `count` complete jobs have arrived; rejects after `timeoutMs`. */
  waitForJobs(count: number, timeoutMs = 2000): Promise<EmulatedJob[]> {
    if (this.jobs.length >= count) return Promise.resolve(this.jobs.slice());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`emulator: ${this.jobs.length} of ${count} jobs after ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiters.push({
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve(this.jobs.slice());
        },
      });
    });
  }

  /** Closes every open connection (like a printer that restarts) and keeps listening. */
  disconnectAll(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  /** Closes the listener and every open connection. */
  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private canPrint(): boolean {
    return this.condition === 'ready' || this.condition === 'paper-near-end';
  }

  private accept(socket: net.Socket): void {
    const connection = ++this.connections;
    const decoder = new EscPosDecoder();
    let job: EscPosCommand[] = [];
    let received = 0;
    const dropAfter = this.dropAfter;
    this.dropAfter = undefined;
    this.sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.sockets.delete(socket);
      job.push(...decoder.end());
      const printable = job.filter((c) => c.type !== 'status');
      if (printable.length > 0) this.aborted.push({ ...summarize(printable), commands: printable, connection });
    });

    const handle = (commands: EscPosCommand[]) => {
      for (const command of commands) {
        if (command.type === 'status') {
          this.statusQueries++;
          this.reply(socket, command.n);
        } else if (!this.canPrint()) {
          this.discarded++;
        } else {
          job.push(command);
          if (command.type === 'cut') {
            this.jobs.push({ ...summarize(job), commands: job, connection });
            job = [];
            this.notify();
          }
        }
      }
    };

    socket.on('data', (chunk: Buffer) => {
      let data = new Uint8Array(chunk);
      if (dropAfter !== undefined && received + data.length >= dropAfter) {
        data = data.subarray(0, Math.max(0, dropAfter - received));
        received += data.length;
        handle(decoder.push(data));
        socket.resetAndDestroy();
        return;
      }
      received += data.length;
      handle(decoder.push(data));
    });
  }

  private reply(socket: net.Socket, n: number): void {
    if (!this.answerStatus || n < 1 || n > 4) return;
    const byte = statusReplyByte(n, CONDITIONS[this.condition]);
    if (this.replyByteDelayMs <= 0) {
      socket.write(Uint8Array.of(byte));
      return;
    }
    setTimeout(() => {
      if (!socket.destroyed) socket.write(Uint8Array.of(byte));
    }, this.replyByteDelayMs * n);
  }

  private notify(): void {
    const ready = this.waiters.filter((w) => this.jobs.length >= w.count);
    this.waiters = this.waiters.filter((w) => this.jobs.length < w.count);
    for (const w of ready) w.resolve();
  }
}

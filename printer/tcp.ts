/**
 * Network printer on a raw TCP port (9100). One socket per printer, opened on first use and
 * again after any error; jobs and status queries run one at a time. Status replies are
 * collected byte by byte (they may arrive split across `data` events) with a timeout.
 *
 * With `checkStatus` (default) a job is preceded by a status query (no job is sent to a
 * printer without paper or with an open cover) and followed by one: its reply proves that the
 * printer received the whole job and reports paper that ran out meanwhile. A job whose
 * connection broke is sent once more on a new connection (`retries`), so a printer that
 * restarted mid-job may print a ticket twice rather than not at all.
 */
import net from 'node:net';
import { SerialQueue, withTimeout } from './async.ts';
import { PrinterError } from './errors.ts';
import { isStatusByte, parseStatus, STATUS_QUERY, STATUS_REPLY_LENGTH } from './status.ts';
import type { PrintJob, PrinterTransport } from './transport.ts';
import type { PrinterStatus } from './types.ts';

export interface TcpTransportOptions {
  host: string;
  port: number;
  connectTimeoutMs?: number;
  writeTimeoutMs?: number;
  statusTimeoutMs?: number;
  checkStatus?: boolean;
  /** How often a job is sent again after its connection broke (default 1). */
  retries?: number;
}

/** Collects reply bytes for the one outstanding request; bytes nobody waits for are dropped. */
class ReplyCollector {
  private pending:
    | { bytes: number[]; need: number; resolve: (b: Uint8Array) => void; reject: (e: unknown) => void }
    | undefined;

  expect(need: number): Promise<Uint8Array> {
    if (this.pending) return Promise.reject(new Error('a status query is already waiting'));
    return new Promise((resolve, reject) => {
      this.pending = { bytes: [], need, resolve, reject };
    });
  }

  feed(chunk: Uint8Array): void {
    const p = this.pending;
    if (!p) return;
    for (const byte of chunk) {
      p.bytes.push(byte);
      if (p.bytes.length === p.need) {
        this.pending = undefined;
        p.resolve(Uint8Array.from(p.bytes));
        return;
      }
    }
  }

  fail(error: unknown): void {
    const p = this.pending;
    this.pending = undefined;
    p?.reject(error);
  }
}

function offline(error: string): PrinterStatus {
  return { online: false, coverOpen: false, paperNearEnd: false, paperOut: false, error };
}

/** Throws when the printer must not be (or was not) printing. */
function assertCanPrint(status: PrinterStatus, when: string): void {
  if (status.paperOut) throw new PrinterError('paper-out', `printer is out of paper ${when}`);
  if (status.coverOpen) throw new PrinterError('cover-open', `printer cover is open ${when}`);
  if (!status.online || status.error) {
    throw new PrinterError('printer-error', `printer is offline ${when}${status.error ? `: ${status.error}` : ''}`);
  }
}

export class TcpTransport implements PrinterTransport {
  readonly kind = 'tcp';
  private readonly opts: Required<TcpTransportOptions>;
  private readonly queue = new SerialQueue();
  private socket: net.Socket | undefined;
  private replies = new ReplyCollector();
  private closed = false;
  /** Connections opened so far (for tests and diagnostics). */
  connections = 0;

  constructor(options: TcpTransportOptions) {
    this.opts = {
      connectTimeoutMs: 3000,
      writeTimeoutMs: 10_000,
      statusTimeoutMs: 2000,
      checkStatus: true,
      retries: 1,
      ...options,
    };
  }

  get address(): string {
    return `${this.opts.host}:${this.opts.port}`;
  }

  print(bytes: Uint8Array, _job?: PrintJob): Promise<void> {
    return this.queue.run(async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await this.printOnce(bytes);
        } catch (error) {
          const retry =
            error instanceof PrinterError && error.code === 'connection-lost' && attempt < this.opts.retries;
          if (!retry) throw error;
        }
      }
    });
  }

  status(): Promise<PrinterStatus> {
    return this.queue.run(async () => {
      try {
        return await this.queryStatus(await this.connect());
      } catch (error) {
        return offline(error instanceof Error ? error.message : String(error));
      }
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.queue.run(async () => this.drop(new PrinterError('closed', 'transport closed')));
  }

  private async printOnce(bytes: Uint8Array): Promise<void> {
    const socket = await this.connect();
    if (this.opts.checkStatus) assertCanPrint(await this.queryStatus(socket), 'before printing');
    await this.write(socket, bytes);
    if (this.opts.checkStatus) assertCanPrint(await this.queryStatus(socket), 'after printing');
  }

  private connect(): Promise<net.Socket> {
    if (this.closed) return Promise.reject(new PrinterError('closed', 'transport closed'));
    if (this.socket && !this.socket.destroyed) return Promise.resolve(this.socket);
    const socket = net.createConnection({ host: this.opts.host, port: this.opts.port });
    this.socket = socket;
    this.replies = new ReplyCollector();
    const replies = this.replies;
    socket.setNoDelay(true);
    socket.setKeepAlive(true, 10_000);
    socket.on('data', (chunk: Buffer) => replies.feed(chunk));
    socket.on('error', () => undefined); // reported through 'close' and the pending operation
    socket.on('close', () => {
      replies.fail(new PrinterError('connection-lost', `connection to ${this.address} closed`));
      if (this.socket === socket) this.socket = undefined;
    });
    const connected = new Promise<net.Socket>((resolve, reject) => {
      socket.once('connect', () => {
        this.connections++;
        resolve(socket);
      });
      socket.once('error', (error) =>
        reject(
          new PrinterError('unreachable', `cannot connect to ${this.address}: ${error.message}`, { cause: error }),
        ),
      );
    });
    return withTimeout(connected, this.opts.connectTimeoutMs, `connecting to ${this.address}`, () => socket.destroy());
  }

  private write(socket: net.Socket, bytes: Uint8Array): Promise<void> {
    const written = new Promise<void>((resolve, reject) => {
      const onClose = () =>
        reject(new PrinterError('connection-lost', `connection to ${this.address} closed while writing`));
      socket.once('close', onClose);
      socket.write(bytes, (error) => {
        socket.off('close', onClose);
        if (error)
          reject(
            new PrinterError('connection-lost', `writing to ${this.address} failed: ${error.message}`, {
              cause: error,
            }),
          );
        else resolve();
      });
    });
    return withTimeout(written, this.opts.writeTimeoutMs, `writing to ${this.address}`, () => socket.destroy());
  }

  /** DLE EOT 1–4; a late or garbled reply would confuse the next query, so those drop the connection. */
  private async queryStatus(socket: net.Socket): Promise<PrinterStatus> {
    const reply = this.replies.expect(STATUS_REPLY_LENGTH);
    reply.catch(() => undefined);
    await this.write(socket, STATUS_QUERY);
    const bytes = await withTimeout(reply, this.opts.statusTimeoutMs, `status reply from ${this.address}`, () =>
      this.drop(new PrinterError('timeout', 'status reply timed out')),
    );
    if (!bytes.every(isStatusByte)) {
      this.drop(new PrinterError('bad-reply', 'bad status reply'));
      throw new PrinterError(
        'bad-reply',
        `${this.address} answered the status query with ${Buffer.from(bytes).toString('hex')}`,
      );
    }
    return parseStatus(bytes);
  }

  private drop(reason: PrinterError): void {
    this.replies.fail(reason);
    this.socket?.destroy();
    this.socket = undefined;
  }
}

/** Ports on loopback: a free one for a server to take, and waiting until a server listens on one. */
import { once } from 'node:events';
import { createConnection, createServer } from 'node:net';

/** A free TCP port on loopback (the OS picks it; the listener is closed again). */
export async function freePort(): Promise<number> {
  const srv = createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const port = (srv.address() as { port: number }).port;
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

/**
 * Resolves once something accepts connections on `port` (tried every 50 ms for `ms`); `gone`
 * says why waiting is pointless (the process exited), or nothing while it is worth waiting.
 */
export async function waitForListener(port: number, ms: number, gone: () => string | undefined = () => undefined) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const reason = gone();
    if (reason) throw new Error(reason);
    const ok = await new Promise<boolean>((resolve) => {
      const c = createConnection({ host: '127.0.0.1', port }, () => {
        c.end();
        resolve(true);
      });
      c.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nothing listens on port ${port}`);
}

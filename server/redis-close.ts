/**
 * Closes a Redis client without hanging a shutdown: a ready client finishes its pending commands
 * (at most a second), one that is reconnecting after an outage is dropped at once (a graceful
 * close would wait for a connection that may never come back).
 */
interface ClosableRedis {
  readonly isOpen: boolean;
  readonly isReady: boolean;
  close(): Promise<void>;
  destroy(): void;
}

export async function closeRedis(client: ClosableRedis, graceMs = 1000): Promise<void> {
  if (!client.isOpen) return;
  if (!client.isReady) return client.destroy();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), graceMs);
  });
  const outcome = await Promise.race([client.close().catch(() => undefined), late]);
  clearTimeout(timer);
  if (outcome === 'late' && client.isOpen) client.destroy();
}

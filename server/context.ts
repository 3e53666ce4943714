/** What every feature module of the server gets: the wired dependencies. */
import type { OfficeConfig } from '../core/types.ts';
import type { Auth } from './auth.ts';
import type { ServerConfig } from './config.ts';
import type { Clock, QueueService } from './queue-service.ts';
import type { Store } from './store/store.ts';

export interface AppContext {
  config: ServerConfig;
  office: () => OfficeConfig;
  store: Store;
  queue: QueueService;
  auth: Auth;
  clock: Clock;
  /** Folder of the built apps (`dist/apps`). */
  appsDir: string;
}

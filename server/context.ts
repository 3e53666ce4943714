/** What every feature module of the server gets: the wired dependencies. */
import type { OfficeConfig } from '../core/types.ts';
import type { AppointmentService } from './appointment-service.ts';
import type { AuditLog } from './audit.ts';
import type { Auth } from './auth.ts';
import type { ServerConfig } from './config.ts';
import type { DeviceService } from './devices.ts';
import type { Limits } from './limits.ts';
import type { LiveService } from './live-service.ts';
import type { LiveStorage } from './live-storage.ts';
import type { Metrics } from './metrics.ts';
import type { OfficeService } from './office-service.ts';
import type { PrintService } from './printing/print-service.ts';
import type { Clock, QueueService } from './queue-service.ts';
import type { StaffService } from './staff.ts';
import type { Store } from './store/store.ts';

export interface AppContext {
  config: ServerConfig;
  office: () => OfficeConfig;
  /** The editable office configuration behind `office()`. */
  officeService: OfficeService;
  store: Store;
  staff: StaffService;
  devices: DeviceService;
  audit: AuditLog;
  queue: QueueService;
  appointments: AppointmentService;
  auth: Auth;
  /** Ticket printers, their health and the print agents (`server/printing/`). */
  printing: PrintService;
  clock: Clock;
  /** Rate limits per client, account and kiosk (`server/limits.ts`). */
  limits: Limits;
  /** Folder of the built apps (`dist/apps`). */
  appsDir: string;
  /** The manager's live view and its alerts (`server/live-service.ts`). */
  live?: { service: LiveService; storage: LiveStorage };
  /** Prometheus metrics (`server/metrics.ts`); absent in contexts built without one. */
  metrics?: Metrics;
}

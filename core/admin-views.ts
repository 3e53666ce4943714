/**
 * Shapes of the admin API's devices and staff accounts, shared by the server (which stores and
 * presents them) and the admin app (which shows them). Times are ISO strings here.
 */
import type { ScreenDeviceSettings } from './events.ts';
import type { Role } from './types.ts';

export type DeviceKind = 'kiosk' | 'screen';

/**
 * What names a paired device. A screen's settings come with it: `area` (show only counters of
 * this area), `orientation`, `distanceM` (viewing distance in metres) and `language`; each unset
 * one falls back to the screen's address.
 */
export interface DeviceIdentity extends ScreenDeviceSettings {
  id: string;
  kind: DeviceKind;
  name: string;
}

/** A device as the admin API lists it. */
export interface DeviceView extends DeviceIdentity {
  createdAt: string;
  lastSeenAt: string | null;
}

/** A staff account as the admin API lists it. */
export interface StaffAccountView {
  username: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  /** The counters the account may work at; absent: any counter. */
  counters?: string[];
}

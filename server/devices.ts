/**
 * Devices (kiosks and lobby screens) paired with the office. An admin creates a device and gets
 * a pairing token once; the device keeps it and sends it with every request
 * (`X-Lotse-Device` header, or `auth.device` on the socket). Offices that set
 * `requireDevicePairing` accept tickets and screen connections only from paired devices
 * (or signed-in staff); the bundled demo office stays open.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { DeviceView } from '../core/admin-views.ts';
import type { ScreenDeviceSettings } from '../core/events.ts';
import { fail, ok, type Result } from '../core/result.ts';
import type { Clock } from './queue-service.ts';
import type { DeviceKind, Store, StoredDevice } from './store/store.ts';

const LAST_SEEN_EVERY_MS = 60_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export function presentDevice(d: StoredDevice): DeviceView {
  const view: DeviceView = {
    id: d.id,
    kind: d.kind,
    name: d.name,
    createdAt: new Date(d.createdAt).toISOString(),
    lastSeenAt: d.lastSeenAt ? new Date(d.lastSeenAt).toISOString() : null,
  };
  return { ...view, ...screenSettingsOf(d) };
}

/** A screen's settings as the screen gets them (only those set). */
export function screenSettingsOf(d: StoredDevice): ScreenDeviceSettings {
  const settings: ScreenDeviceSettings = {};
  if (d.area) settings.area = d.area;
  if (d.orientation) settings.orientation = d.orientation;
  if (d.distanceM !== undefined) settings.distanceM = d.distanceM;
  if (d.language) settings.language = d.language;
  return settings;
}

/** A change of a screen's settings: a value sets it, null clears it, absent leaves it. */
export type ScreenSettingsChange = { [K in keyof ScreenDeviceSettings]?: ScreenDeviceSettings[K] | null };

export class DeviceService {
  private byHash = new Map<string, StoredDevice>();
  private readonly removedListeners = new Set<() => void>();
  private readonly changedListeners = new Set<(id: string, settings: ScreenDeviceSettings) => void>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async init(): Promise<void> {
    this.byHash = new Map((await this.store.listDevices()).map((d) => [d.tokenHash, d]));
  }

  async list(): Promise<DeviceView[]> {
    return (await this.store.listDevices()).map(presentDevice);
  }

  async pair(kind: DeviceKind, name: string, area?: string): Promise<{ device: DeviceView; token: string }> {
    const token = randomBytes(24).toString('base64url');
    const device: StoredDevice = { id: randomUUID(), kind, name, tokenHash: hashToken(token), createdAt: this.clock() };
    if (area) device.area = area;
    await this.store.saveDevice(device);
    this.byHash.set(device.tokenHash, device);
    return { device: presentDevice(device), token };
  }

  async remove(id: string): Promise<Result<true>> {
    const devices = await this.store.listDevices();
    const device = devices.find((d) => d.id === id);
    if (!device) return fail('UNKNOWN_DEVICE');
    await this.store.deleteDevice(id);
    this.byHash.delete(device.tokenHash);
    for (const listener of this.removedListeners) listener();
    return ok(true);
  }

  /** Changes a screen's settings; tells the listeners (the screen gets them at once). */
  async configure(id: string, change: ScreenSettingsChange): Promise<Result<DeviceView>> {
    const stored = (await this.store.listDevices()).find((d) => d.id === id);
    if (!stored) return fail('UNKNOWN_DEVICE');
    const device: StoredDevice = { ...stored };
    for (const key of ['area', 'orientation', 'distanceM', 'language'] as const) {
      const value = change[key];
      if (value === null) delete device[key];
      else if (value !== undefined) (device as unknown as Record<string, unknown>)[key] = value;
    }
    await this.store.saveDevice(device);
    this.byHash.set(device.tokenHash, device);
    for (const listener of this.changedListeners) listener(device.id, screenSettingsOf(device));
    return ok(presentDevice(device));
  }

  /** Called with a device's new screen settings after an admin changed them. */
  onConfigured(listener: (id: string, settings: ScreenDeviceSettings) => void): () => void {
    this.changedListeners.add(listener);
    return () => this.changedListeners.delete(listener);
  }

  /** The current screen settings of a paired device (fresh: an admin may have changed them). */
  async screenSettings(id: string): Promise<ScreenDeviceSettings> {
    const stored = (await this.store.listDevices()).find((d) => d.id === id);
    return stored ? screenSettingsOf(stored) : {};
  }

  onRemoved(listener: () => void): () => void {
    this.removedListeners.add(listener);
    return () => this.removedListeners.delete(listener);
  }

  /** Whether a device authenticated earlier is still paired (removal in this process is seen at once). */
  async stillPaired(id: string): Promise<boolean> {
    for (const d of this.byHash.values()) if (d.id === id) return true;
    return (await this.store.listDevices()).some((d) => d.id === id);
  }

  /** The paired device presenting `token`, or null. Notes when it was last seen. */
  async authenticate(token: string | undefined): Promise<StoredDevice | null> {
    if (!token || token.length > 200) return null;
    const tokenHash = hashToken(token);
    let device = this.byHash.get(tokenHash);
    if (!device) {
      // Paired through another server process?
      device = (await this.store.findDeviceByTokenHash(tokenHash)) ?? undefined;
      if (!device) return null;
      this.byHash.set(tokenHash, device);
    }
    const now = this.clock();
    if (!device.lastSeenAt || now - device.lastSeenAt > LAST_SEEN_EVERY_MS) {
      device.lastSeenAt = now;
      void this.store.saveDevice({ ...device }).catch(() => undefined);
    }
    return device;
  }
}

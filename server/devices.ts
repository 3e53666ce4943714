/**
 * Devices (kiosks and lobby screens) paired with the office. An admin creates a device and gets
 * a pairing token once; the device keeps it and sends it with every request
 * (`X-Lotse-Device` header, or `auth.device` on the socket). Offices that set
 * `requireDevicePairing` accept tickets and screen connections only from paired devices
 * (or signed-in staff); the bundled demo office stays open.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { fail, ok, type Result } from '../core/result.ts';
import type { Clock } from './queue-service.ts';
import type { DeviceKind, Store, StoredDevice } from './store/store.ts';

const LAST_SEEN_EVERY_MS = 60_000;

export interface DeviceView {
  id: string;
  kind: DeviceKind;
  name: string;
  area?: string;
  createdAt: string;
  lastSeenAt: string | null;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export function presentDevice(d: StoredDevice): DeviceView {
  const view: DeviceView = {
    id: d.id,
    kind: d.kind,
    name: d.name,
    createdAt: new Date(d.createdAt).toISOString(),
    lastSeenAt: d.lastSeenAt ? new Date(d.lastSeenAt).toISOString() : null,
  };
  if (d.area) view.area = d.area;
  return view;
}

export class DeviceService {
  private byHash = new Map<string, StoredDevice>();
  private readonly removedListeners = new Set<() => void>();

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

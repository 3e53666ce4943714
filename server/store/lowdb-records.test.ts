/**
 * The records beside the live day (accounts, sessions, devices, appointments) when their file
 * cannot be written: the change is refused, and nothing of it stays, neither in memory (a list
 * read afterwards) nor on disk (a later write of the same file, a restart). The failure is real:
 * a directory stands where the file's temporary copy is written.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Appointment } from '../../core/types.ts';
import { openLowdbStore } from './lowdb-store.ts';
import { type Store, type StoredUser, StoreWriteError } from './store.ts';

const dirs: string[] = [];
const open: Store[] = [];

afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function storeIn(dir: string): Promise<Store> {
  const store = await openLowdbStore(dir);
  open.push(store);
  return store;
}

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lotse-lowdb-records-'));
  dirs.push(dir);
  return dir;
}

/** Makes every write of `file` in `dir` fail until the returned function is called. */
function blockWrites(dir: string, file: string): () => void {
  const tmp = join(dir, `.${file}.${process.pid}.tmp`);
  mkdirSync(tmp);
  return () => rmSync(tmp, { recursive: true, force: true });
}

const user = (username: string): StoredUser => ({ username, role: 'clerk', passwordHash: 'x', createdAt: 1 });
const appointment = (id: string, code: string): Appointment => ({
  id,
  code,
  concernId: 'housing',
  start: Date.parse('2026-12-07T09:00:00Z'),
});

describe('records whose file cannot be written', () => {
  it('given an account that cannot be stored, then it is refused, not listed, and not written with the next account', async () => {
    const dir = folder();
    const store = await storeIn(dir);
    const unblock = blockWrites(dir, 'staff.json');
    await expect(store.saveUser(user('anna'))).rejects.toBeInstanceOf(StoreWriteError);
    expect((await store.listUsers()).map((u) => u.username)).toEqual([]);
    unblock();
    await store.saveUser(user('ben'));
    expect((await store.listUsers()).map((u) => u.username)).toEqual(['ben']);
    await store.close();
    open.splice(0);
    const reopened = await storeIn(dir);
    expect((await reopened.listUsers()).map((u) => u.username)).toEqual(['ben']);
  });

  it('given a removal that cannot be stored, then the account and the device are still there', async () => {
    const dir = folder();
    const store = await storeIn(dir);
    await store.saveUser(user('anna'));
    await store.saveDevice({ id: 'kiosk-1', kind: 'kiosk', name: 'Entrance', tokenHash: 'h', createdAt: 1 });
    const unblockStaff = blockWrites(dir, 'staff.json');
    const unblockDevices = blockWrites(dir, 'devices.json');
    await expect(store.deleteUser('anna')).rejects.toBeInstanceOf(StoreWriteError);
    await expect(store.deleteDevice('kiosk-1')).rejects.toBeInstanceOf(StoreWriteError);
    expect((await store.listUsers()).map((u) => u.username)).toEqual(['anna']);
    expect((await store.listDevices()).map((d) => d.id)).toEqual(['kiosk-1']);
    expect((await store.findDeviceByTokenHash('h'))?.id).toBe('kiosk-1');
    unblockStaff();
    unblockDevices();
  });

  it('given a booking that cannot be stored, then its slot stays free and booking again stores it once', async () => {
    const dir = folder();
    const store = await storeIn(dir);
    const unblock = blockWrites(dir, 'appointments.json');
    await expect(store.createAppointment(appointment('a1', '12345678'))).rejects.toBeInstanceOf(StoreWriteError);
    expect(await store.listAppointments()).toEqual([]);
    unblock();
    expect(await store.createAppointment(appointment('a2', '12345678'))).toBe(true);
    expect((await store.listAppointments()).map((a) => a.id)).toEqual(['a2']);
  });

  it('given a sign-in that cannot be stored, then its session does not work, and a later one does not bring it back', async () => {
    const dir = folder();
    const store = await storeIn(dir);
    const session = (tokenHash: string) => ({
      tokenHash,
      user: { username: 'anna', role: 'clerk' as const },
      expiresAt: Date.parse('2026-12-08T00:00:00Z'),
    });
    const unblock = blockWrites(dir, 'sessions.json');
    await expect(store.putSession(session('refused'))).rejects.toBeInstanceOf(StoreWriteError);
    expect(await store.getSession('refused')).toBeNull();
    unblock();
    await store.putSession(session('stored'));
    await store.close();
    open.splice(0);
    const reopened = await storeIn(dir);
    expect(await reopened.getSession('refused')).toBeNull();
    expect((await reopened.getSession('stored'))?.user.username).toBe('anna');
  });
});

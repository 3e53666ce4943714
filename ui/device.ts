/**
 * Device pairing for kiosks and lobby screens. An admin pairs a device and opens the pairing
 * link on it once (`/kiosk?pair=…` or `/display?pair=…`); the device keeps the key in its
 * local storage and sends it with every request (`X-Lotse-Device`) and socket connection.
 * The key is removed from the address bar at once, so it is not left on screen.
 */
const STORAGE_KEY = 'lotse.device';

function readStoredKey(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Takes a `?pair=` key from the address (and stores it); returns the device key, if any. */
export function deviceKey(): string | null {
  if (typeof location === 'undefined') return null;
  const params = new URLSearchParams(location.search);
  const offered = params.get('pair');
  if (offered && /^[A-Za-z0-9_-]{16,200}$/.test(offered)) {
    try {
      localStorage.setItem(STORAGE_KEY, offered);
    } catch {
      /* private mode: keep it for this page only */
      return offered;
    }
    params.delete('pair');
    const rest = params.toString();
    history.replaceState(null, '', `${location.pathname}${rest ? `?${rest}` : ''}${location.hash}`);
    return offered;
  }
  return readStoredKey();
}

/** Headers that identify this device to the server (empty when not paired). */
export function deviceHeaders(): Record<string, string> {
  const key = deviceKey();
  return key ? { 'x-lotse-device': key } : {};
}

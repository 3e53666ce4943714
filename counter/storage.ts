/** The counter chosen at this workstation, remembered in the browser across sign-ins. */
const KEY = 'lotse.counter.counterId';

export function loadCounterId(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function saveCounterId(counterId: string): void {
  try {
    localStorage.setItem(KEY, counterId);
  } catch {
    // Private mode or storage full: the clerk picks again next time.
  }
}

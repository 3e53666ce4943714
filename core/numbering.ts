/** Ticket numbers: concern prefix + running number per concern and local day (`W-017`). */

/** `formatTicketNumber('W', 17)` -> `W-017`. Numbers above 999 keep all their digits. */
export function formatTicketNumber(prefix: string, running: number): string {
  return `${prefix}-${String(running).padStart(3, '0')}`;
}

/** How a number is spoken: `W-017` -> `W 17`. */
export function spokenTicketNumber(number: string): string {
  const match = /^(.*?)-0*(\d+)$/.exec(number);
  if (!match) return number;
  return `${match[1]} ${match[2]}`;
}

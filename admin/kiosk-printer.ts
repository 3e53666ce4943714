/**
 * A kiosk's printer as the admin chooses it, and back to the setting the server reads
 * (`KioskConfig.printer`): the server's printer (nothing set), none, a network printer
 * (tcp://HOST:PORT), a device file (file:PATH, only under LOTSE_PRINTER_DEVICES), the print
 * agent on the kiosk PC (`agent`, with a generated key) or the test printer (`virtual`). Pure.
 */

export type PrinterChoiceKind = 'default' | 'none' | 'tcp' | 'device' | 'agent' | 'virtual';

export interface PrinterChoice {
  kind: PrinterChoiceKind;
  /** tcp: host and port; device: the path. */
  host?: string;
  port?: string;
  path?: string;
  /** Layout settings after `?` (paper, qr, nonLatin), kept as they are. */
  query?: string;
}

export const PRINTER_CHOICE_LABELS: Record<PrinterChoiceKind, string> = {
  default: 'Drucker des Servers (LOTSE_PRINTER)',
  none: 'Kein Drucker (QR-Code auf dem Bildschirm)',
  tcp: 'Netzwerkdrucker',
  device: 'Am Server angeschlossen (Gerätedatei)',
  agent: 'Am Kiosk-PC (Druckprogramm mit Schlüssel)',
  virtual: 'Probedrucker (speichert Bilder im Datenordner)',
};

/** The choice a printer setting stands for (an unreadable one: network printer with the text as host). */
export function printerChoice(value: string | undefined): PrinterChoice {
  const v = (value ?? '').trim();
  if (!v) return { kind: 'default' };
  if (v === 'agent') return { kind: 'agent' };
  const [head = '', query] = v.split('?', 2) as [string, string | undefined];
  const withQuery = (c: PrinterChoice): PrinterChoice => (query ? { ...c, query } : c);
  if (head === 'none') return { kind: 'none' };
  if (head === 'virtual' || head.startsWith('virtual:')) return withQuery({ kind: 'virtual' });
  if (head.startsWith('file:')) return withQuery({ kind: 'device', path: head.slice(5).replace(/^\/\/(?=\/)/, '') });
  const tcp = /^tcp:\/\/(\[[^\]]+\]|[^:/]+)(?::(\d+))?\/?$/.exec(head);
  if (tcp) return withQuery({ kind: 'tcp', host: tcp[1] ?? '', port: tcp[2] ?? '9100' });
  return { kind: 'tcp', host: v, port: '9100' };
}

/** The setting for a choice (undefined: the server's printer). */
export function printerSetting(choice: PrinterChoice): string | undefined {
  const q = choice.query ? `?${choice.query}` : '';
  switch (choice.kind) {
    case 'default':
      return undefined;
    case 'none':
      return 'none';
    case 'agent':
      return 'agent';
    case 'virtual':
      return `virtual${q}`;
    case 'device':
      return `file:${choice.path ?? ''}${q}`;
    case 'tcp': {
      const port = (choice.port ?? '').trim();
      return `tcp://${(choice.host ?? '').trim()}${port && port !== '9100' ? `:${port}` : ''}${q}`;
    }
  }
}

/** A random key for the print agent: 32 letters and digits (the server asks for 24 and variety). */
export function newAgentKey(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = random(new Uint8Array(32));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

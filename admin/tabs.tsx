/**
 * The sections of the admin app. A new page (concerns, counters setup, opening hours, devices,
 * staff, announcements, retention) is one more entry here: an id for the address (`#id`), a
 * label for the tab and a render function that gets the shared context.
 */
import type { ComponentChildren } from 'preact';
import type { OfficePublic } from '../core/api.ts';
import type { StaffSession } from '../ui/staff-gate.tsx';
import type { LotseSocket } from '../ui/socket.ts';
import { CountersPanel } from './counters.tsx';
import { QueuePanel } from './queue.tsx';
import { StatsPanel } from './stats.tsx';

export interface AdminContext {
  session: StaffSession;
  socket: LotseSocket;
  connected: boolean;
  office: OfficePublic;
  /** Shows a failed answer (a lost session returns to the sign-in form). */
  fail: (code: string) => void;
}

export interface AdminTab {
  id: string;
  label: string;
  render: (ctx: AdminContext) => ComponentChildren;
}

export const ADMIN_TABS: readonly AdminTab[] = [
  {
    id: 'queue',
    label: 'Warteschlange',
    render: (ctx) => <QueuePanel socket={ctx.socket} timeZone={ctx.office.timezone} fail={ctx.fail} />,
  },
  {
    id: 'counters',
    label: 'Plätze',
    render: (ctx) => <CountersPanel socket={ctx.socket} office={ctx.office} fail={ctx.fail} />,
  },
  { id: 'stats', label: 'Statistik', render: (ctx) => <StatsPanel office={ctx.office} fail={ctx.fail} /> },
];

/** The tab named by the address (`#stats`), or the first one. */
export function tabFromHash(hash: string): AdminTab {
  const id = hash.replace(/^#/, '');
  return ADMIN_TABS.find((t) => t.id === id) ?? (ADMIN_TABS[0] as AdminTab);
}

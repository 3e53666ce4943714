/**
 * The sections of the admin app. A new page (concerns, counters setup, opening hours, devices,
 * staff, announcements, retention) is one more entry here: an id for the address (`#id`), a
 * label for the tab and a render function that gets the shared context.
 */
import type { ComponentChildren } from 'preact';
import type { OfficePublic } from '../core/api.ts';
import type { StaffSession } from '../ui/staff-gate.tsx';
import type { LotseSocket } from '../ui/socket.ts';
import { AuditPanel } from './audit.tsx';
import { AppointmentsPage } from './config-appointments.tsx';
import { ConcernsPage } from './config-concerns.tsx';
import { CountersSetupPage } from './config-counters.tsx';
import { HoursPage } from './config-hours.tsx';
import { KiosksPage } from './config-kiosks.tsx';
import { LivePanel } from './live-panel.tsx';
import type { ConfigModel } from './config-model.ts';
import { OfficePage } from './config-office.tsx';
import { CountersPanel } from './counters.tsx';
import { DevicesPanel } from './devices.tsx';
import { PrintersPanel } from './printers.tsx';
import { QueuePanel } from './queue.tsx';
import { StaffAccountsPanel } from './staff-accounts.tsx';
import { StatsPanel } from './stats.tsx';
import { VisitsPage } from './config-visits.tsx';

export interface AdminContext {
  session: StaffSession;
  socket: LotseSocket;
  connected: boolean;
  office: OfficePublic;
  /** The office configuration being edited (shared by the configuration pages). */
  config: ConfigModel;
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
  { id: 'live', label: 'Live', render: (ctx) => <LivePanel fail={ctx.fail} /> },
  {
    id: 'counters',
    label: 'Plätze',
    render: (ctx) => <CountersPanel socket={ctx.socket} office={ctx.office} fail={ctx.fail} />,
  },
  { id: 'stats', label: 'Statistik', render: (ctx) => <StatsPanel office={ctx.office} fail={ctx.fail} /> },
  { id: 'printers', label: 'Drucker', render: (ctx) => <PrintersPanel office={ctx.office} fail={ctx.fail} /> },
  { id: 'concerns', label: 'Anliegen', render: (ctx) => <ConcernsPage model={ctx.config} fail={ctx.fail} /> },
  {
    id: 'setup-counters',
    label: 'Plätze einrichten',
    render: (ctx) => <CountersSetupPage model={ctx.config} fail={ctx.fail} />,
  },
  { id: 'setup-kiosks', label: 'Kiosks', render: (ctx) => <KiosksPage model={ctx.config} fail={ctx.fail} /> },
  { id: 'appointments', label: 'Termine', render: (ctx) => <AppointmentsPage model={ctx.config} fail={ctx.fail} /> },
  { id: 'visits', label: 'Besuche', render: (ctx) => <VisitsPage model={ctx.config} fail={ctx.fail} /> },
  { id: 'hours', label: 'Öffnungszeiten', render: (ctx) => <HoursPage model={ctx.config} fail={ctx.fail} /> },
  { id: 'office', label: 'Amt und Ansagen', render: (ctx) => <OfficePage model={ctx.config} fail={ctx.fail} /> },
  {
    id: 'staff',
    label: 'Konten',
    render: (ctx) => <StaffAccountsPanel me={ctx.session.user.username} fail={ctx.fail} />,
  },
  {
    id: 'devices',
    label: 'Geräte',
    render: (ctx) => (
      <DevicesPanel
        timeZone={ctx.office.timezone}
        areas={[...new Set(ctx.office.counters.flatMap((c) => (c.area ? [c.area] : [])))]}
        printersHref={ADMIN_TABS.some((t) => t.id === 'printers') ? '#printers' : undefined}
        fail={ctx.fail}
      />
    ),
  },
  { id: 'audit', label: 'Protokoll', render: (ctx) => <AuditPanel office={ctx.office} fail={ctx.fail} /> },
];

/** The tab named by the address (`#stats`), or the first one. */
export function tabFromHash(hash: string): AdminTab {
  const id = hash.replace(/^#/, '');
  return ADMIN_TABS.find((t) => t.id === id) ?? (ADMIN_TABS[0] as AdminTab);
}

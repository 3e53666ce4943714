/** Administration and statistics (role admin). */
import { z } from 'zod';
import {
  AuditQuery,
  ConfigBody,
  DeviceParam,
  NewDevice,
  NewUser,
  ScreenSettingsChange,
  UserChange,
  UserParam,
} from '../../../core/schemas/admin.ts';
import { StatsCountersQuery, StatsHeatmapQuery, StatsQuery } from '../../../core/schemas/stats.ts';
import { route } from './route.ts';

const Done = z.object({ ok: z.literal(true) });

export const ADMIN_ROUTES = [
  route('get', '/api/admin/config', {
    tag: 'admin',
    summary: 'The office configuration with its version.',
    access: 'admin',
    ok: { description: '`{version, office}`' },
  }),
  route('get', '/api/admin/config/export', {
    tag: 'admin',
    summary: 'The office configuration as a file to download.',
    access: 'admin',
    ok: { description: 'The configuration (JSON attachment)' },
  }),
  route('put', '/api/admin/config', {
    tag: 'admin',
    summary: 'Replace the office configuration (400 `VALIDATION_FAILED` lists structured `issues`).',
    access: 'admin',
    body: ConfigBody,
    ok: { description: '`{version, office}`' },
    errors: ['CONFIG_CHANGED'],
  }),
  route('get', '/api/admin/printer-places', {
    tag: 'admin',
    summary: 'The device files printers may use (LOTSE_PRINTER_DEVICES).',
    access: 'admin',
    ok: { description: '`{devices: string[]}`' },
  }),
  route('get', '/api/admin/users', {
    tag: 'admin',
    summary: 'The staff accounts.',
    access: 'admin',
    ok: { description: '`{users: StaffAccount[]}`' },
  }),
  route('post', '/api/admin/users', {
    tag: 'admin',
    summary: 'Create a staff account.',
    access: 'admin',
    body: NewUser,
    ok: { status: 201, description: '`{user: StaffAccount}`' },
    errors: ['USER_EXISTS', 'WEAK_PASSWORD', 'UNKNOWN_COUNTER'],
  }),
  route('patch', '/api/admin/users/:username', {
    tag: 'admin',
    summary: 'Change role, password, counters or lock an account.',
    access: 'admin',
    params: UserParam,
    body: UserChange,
    ok: { description: '`{user: StaffAccount}`' },
    errors: ['UNKNOWN_USER', 'LAST_ADMIN', 'WEAK_PASSWORD', 'UNKNOWN_COUNTER'],
  }),
  route('delete', '/api/admin/users/:username', {
    tag: 'admin',
    summary: 'Remove a staff account.',
    access: 'admin',
    params: UserParam,
    ok: { description: '`{ok: true}`', schema: Done },
    errors: ['UNKNOWN_USER', 'LAST_ADMIN'],
  }),
  route('get', '/api/admin/devices', {
    tag: 'admin',
    summary: 'The paired kiosks and lobby screens.',
    access: 'admin',
    ok: { description: '`{devices: Device[]}`' },
  }),
  route('post', '/api/admin/devices', {
    tag: 'admin',
    summary: 'Pair a kiosk or screen: answers its token and the address to open on it once.',
    access: 'admin',
    body: NewDevice,
    ok: { status: 201, description: '`{device, token, pairingUrl}`' },
  }),
  route('patch', '/api/admin/devices/:id', {
    tag: 'admin',
    summary: "A paired screen's settings (area, orientation, distance, language; null clears).",
    access: 'admin',
    params: DeviceParam,
    body: ScreenSettingsChange,
    ok: { description: '`{device}`' },
    errors: ['UNKNOWN_DEVICE'],
  }),
  route('delete', '/api/admin/devices/:id', {
    tag: 'admin',
    summary: 'Unpair a device (its token stops working at once).',
    access: 'admin',
    params: DeviceParam,
    ok: { description: '`{ok: true}`', schema: Done },
    errors: ['UNKNOWN_DEVICE'],
  }),
  route('get', '/api/admin/audit', {
    tag: 'admin',
    summary: 'The audit log, newest first (JSON or CSV).',
    access: 'admin',
    query: AuditQuery,
    ok: { description: '`{entries: AuditRecord[]}`', also: ['csv'] },
  }),
  route('get', '/api/backup', {
    tag: 'admin',
    summary: 'Everything stored, as one JSON file.',
    access: 'admin',
    ok: { description: 'The backup (JSON attachment)' },
  }),
  route('get', '/api/printers', {
    tag: 'admin',
    summary: 'Every printer with its health, counters and where it is.',
    access: 'admin',
    ok: { description: '`{printers: PrinterAdminView[]}`' },
  }),
  route('get', '/api/stats', {
    tag: 'statistics',
    summary: 'Figures per period and concern, totals per period and a summary (JSON or CSV).',
    access: 'admin',
    query: StatsQuery,
    ok: { description: '`{from, to, by, targetWaitMinutes, rows, totals, summary}`', also: ['csv'] },
  }),
  route('get', '/api/stats/heatmap', {
    tag: 'statistics',
    summary: 'Arrivals by weekday and hour.',
    access: 'admin',
    query: StatsHeatmapQuery,
    ok: { description: '`{from, to, concernId, openDays, cells}`', also: ['csv'] },
  }),
  route('get', '/api/stats/counters', {
    tag: 'statistics',
    summary: 'Visitors served per counter (never per person).',
    access: 'admin',
    query: StatsCountersQuery,
    ok: { description: '`{from, to, by, rows}`', also: ['csv'] },
  }),
];

/**
 * Administration (role admin): the office configuration (read, change, import, export), staff
 * accounts, paired devices and the audit log. Every change is validated, audited and takes
 * effect at once (kiosks and screens get `office:updated`).
 */
import { Router } from 'express';
import { type AuditRecord, auditKind, auditNames, auditSentence } from '../../core/audit-text.ts';
import { type CsvColumn, rowsToCsv } from '../../core/csv-dialect.ts';
import type { StaffUser } from '../../core/types.ts';
import type { AppContext } from '../context.ts';
import { printerPlaceIssues } from '../printing/printer-places.ts';
import { sendError } from './errors.ts';
import { requireRole } from './session.ts';
import {
  AuditQuery,
  ConfigBody,
  DeviceParam,
  NewDevice,
  NewUser,
  parse,
  ScreenSettingsChange,
  UserChange,
  UserParam,
} from './validate.ts';

/** How many entries a filtered look-up reads at most, to find `limit` that match. */
const AUDIT_SCAN = 20_000;

export function adminRoutes(ctx: AppContext): Router {
  const router = Router();
  const admin = requireRole(ctx, 'admin');
  const user = (res: { locals: Record<string, unknown> }) => res.locals.user as StaffUser;

  router.get('/api/admin/config', admin, (_req, res) => {
    res.json({ version: ctx.officeService.version(), office: ctx.office() });
  });

  router.get('/api/admin/config/export', admin, (_req, res) => {
    res.setHeader('content-disposition', `attachment; filename="lotse-office-${ctx.office().id}.json"`);
    res.type('application/json').send(`${JSON.stringify(ctx.office(), null, 2)}\n`);
  });

  router.put('/api/admin/config', admin, async (req, res) => {
    const body = parse(ConfigBody, req.body);
    const places = printerPlaceIssues(body.office, { dataDir: ctx.config.dataDir, devices: ctx.config.printerDevices });
    if (places.length > 0) {
      res.status(400).json({
        error: { code: 'VALIDATION_FAILED', message: 'The configuration is invalid.', issues: places },
      });
      return;
    }
    const result = await ctx.officeService.replace(body.office, body.version);
    if (!result.ok) {
      if ('issues' in result) {
        res.status(400).json({
          error: { code: 'VALIDATION_FAILED', message: 'The configuration is invalid.', issues: result.issues },
        });
        return;
      }
      return sendError(res, result.error);
    }
    ctx.audit.record(user(res), 'config:change', ctx.office().id);
    res.json({ version: ctx.officeService.version(), office: result.value });
  });

  /** Where printers may be: the allowed device files (LOTSE_PRINTER_DEVICES), for the kiosk page. */
  router.get('/api/admin/printer-places', admin, (_req, res) => {
    res.json({ devices: ctx.config.printerDevices });
  });

  router.get('/api/admin/users', admin, async (_req, res) => {
    res.json({ users: await ctx.staff.list() });
  });

  router.post('/api/admin/users', admin, async (req, res) => {
    const body = parse(NewUser, req.body);
    const result = await ctx.staff.create(body.username, body.password, body.role, body.counters);
    if (!result.ok) return sendError(res, result.error);
    ctx.audit.record(user(res), 'user:create', body.username, body.role);
    res.status(201).json({ user: result.value });
  });

  router.patch('/api/admin/users/:username', admin, async (req, res) => {
    const { username } = parse(UserParam, req.params);
    const change = parse(UserChange, req.body);
    const result = await ctx.staff.update(username, change);
    if (!result.ok) return sendError(res, result.error);
    const what = Object.keys(change).join(',');
    ctx.audit.record(user(res), 'user:change', username, what);
    res.json({ user: result.value });
  });

  router.delete('/api/admin/users/:username', admin, async (req, res) => {
    const { username } = parse(UserParam, req.params);
    const result = await ctx.staff.remove(username);
    if (!result.ok) return sendError(res, result.error);
    ctx.audit.record(user(res), 'user:remove', username);
    res.json({ ok: true });
  });

  router.get('/api/admin/devices', admin, async (_req, res) => {
    res.json({ devices: await ctx.devices.list() });
  });

  router.post('/api/admin/devices', admin, async (req, res) => {
    const body = parse(NewDevice, req.body);
    const { device, token } = await ctx.devices.pair(body.kind, body.name, body.area);
    ctx.audit.record(user(res), 'device:pair', device.id, `${device.kind} ${device.name}`);
    const page = body.kind === 'kiosk' ? '/kiosk' : '/display';
    res.status(201).json({ device, token, pairingUrl: `${page}?pair=${encodeURIComponent(token)}` });
  });

  router.patch('/api/admin/devices/:id', admin, async (req, res) => {
    const { id } = parse(DeviceParam, req.params);
    const change = parse(ScreenSettingsChange, req.body);
    const result = await ctx.devices.configure(id, change);
    if (!result.ok) return sendError(res, result.error);
    ctx.audit.record(user(res), 'device:configure', id, result.value.name);
    res.json({ device: result.value });
  });

  router.delete('/api/admin/devices/:id', admin, async (req, res) => {
    const { id } = parse(DeviceParam, req.params);
    const result = await ctx.devices.remove(id);
    if (!result.ok) return sendError(res, result.error);
    ctx.audit.record(user(res), 'device:remove', id);
    res.json({ ok: true });
  });

  router.get('/api/admin/audit', admin, async (req, res) => {
    const q = parse(AuditQuery, req.query);
    const filtered = q.kind !== undefined || q.username !== undefined;
    const entries = (await ctx.audit.recent(filtered ? AUDIT_SCAN : q.limit))
      .filter(
        (e) => (q.kind === undefined || auditKind(e.action) === q.kind) && (q.username ?? e.username) === e.username,
      )
      .slice(0, q.limit);
    if (q.format === 'csv') {
      const names = auditNames(ctx.office());
      const columns: CsvColumn<AuditRecord>[] = [
        { key: 'at', de: 'Zeit', value: (e) => e.at },
        { key: 'username', de: 'Konto', value: (e) => e.username },
        { key: 'text', de: 'Was geschah', value: (e) => auditSentence(e, names) },
        { key: 'action', de: 'Code', value: (e) => e.action },
        { key: 'target', de: 'Betrifft (Kennung)', value: (e) => e.target },
        { key: 'detail', de: 'Einzelheiten', value: (e) => e.detail },
      ];
      res.setHeader('cache-control', 'no-store');
      res.setHeader('content-disposition', 'attachment; filename="lotse-protokoll.csv"');
      res.type('text/csv; charset=utf-8').send(rowsToCsv(entries, columns, q.dialect));
      return;
    }
    res.json({ entries });
  });

  return router;
}

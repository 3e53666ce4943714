/** Administration: the office configuration, staff accounts, paired devices, the audit log. */
import { z } from 'zod';
import { AUDIT_KINDS } from '../audit-text.ts';
import { CSV_DIALECTS } from '../csv-dialect.ts';
import { LANGUAGES } from '../types.ts';

/** A staff account's name: lower-case letters, digits, `. _ -`. */
export const Username = z.string().regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, 'lower-case letters, digits, . _ -');
/** The counters a clerk account may work at (none: every counter). */
export const AccountCounters = z.array(z.string().min(1).max(64)).max(100);

/** A whole office configuration; `version` as read, so a concurrent change is refused. */
export const ConfigBody = z.object({ office: z.unknown(), version: z.string().max(64).optional() });

export const NewUser = z.object({
  username: Username,
  password: z.string().min(1).max(500),
  role: z.enum(['admin', 'clerk']),
  counters: AccountCounters.optional(),
});
export const UserChange = z
  .object({
    role: z.enum(['admin', 'clerk']).optional(),
    password: z.string().min(1).max(500).optional(),
    disabled: z.boolean().optional(),
    counters: AccountCounters.optional(),
  })
  .refine((c) => Object.keys(c).length > 0, 'nothing to change');
export const UserParam = z.object({ username: Username });

export const NewDevice = z.object({
  kind: z.enum(['kiosk', 'screen']),
  name: z.string().trim().min(1).max(60),
  area: z.string().trim().min(1).max(60).optional(),
});
export const DeviceParam = z.object({ id: z.string().uuid() });
/** A screen's settings: a value sets it, null clears it (the screen's address decides again). */
export const ScreenSettingsChange = z
  .object({
    area: z.string().trim().min(1).max(60).nullable().optional(),
    orientation: z.enum(['portrait', 'landscape']).nullable().optional(),
    distanceM: z.number().min(0.5).max(50).nullable().optional(),
    language: z.enum(LANGUAGES).nullable().optional(),
  })
  .strict();

export const AuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  /** Only entries of this kind (`counter`, `sign-in`, `config` …). */
  kind: z.enum([...AUDIT_KINDS, 'other']).optional(),
  /** Only entries of this account. */
  username: z.string().min(1).max(64).optional(),
  format: z.enum(['json', 'csv']).default('json'),
  dialect: z.enum(CSV_DIALECTS).default('de'),
});

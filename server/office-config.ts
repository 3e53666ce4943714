/** The office configuration: the bundled demo office or a JSON file, validated once at start. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { isValidTimeZone, parseClock } from '../core/localtime.ts';
import { LANGUAGES, type OfficeConfig } from '../core/types.ts';
import { parsePrinterUrl } from '../printer/printer-url.ts';

export const DEMO_OFFICE_PATH = fileURLToPath(new URL('./demo-office.json', import.meta.url));

const Lang = z.enum(LANGUAGES);
const Translations = z.partialRecord(Lang, z.string().min(1).max(500));
const Clock = z.string().refine((s) => !Number.isNaN(parseClock(s)), 'expected HH:MM');
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const Id = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'lower-case letters, digits, - and _');

/** A kiosk's printer: a LOTSE_PRINTER value or `agent` (checked here so a typo stops the start). */
const KioskPrinter = z
  .string()
  .min(1)
  .max(300)
  .superRefine((value, ctx) => {
    if (value === 'agent') return;
    try {
      parsePrinterUrl(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : 'invalid printer' });
    }
  });

const TimeRange = z
  .object({ from: Clock, to: Clock })
  .refine((r) => parseClock(r.from) < parseClock(r.to), 'from must be before to');

const Hours = z.object({
  weekly: z.partialRecord(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']), z.array(TimeRange)),
  closedDays: z.array(Day).default([]),
});

export const OfficeConfigSchema = z
  .object({
    id: Id,
    name: z.string().min(1).max(120),
    timezone: z.string().refine(isValidTimeZone, 'unknown IANA time zone'),
    enforceOpeningHours: z.boolean().default(true),
    openingHours: Hours,
    appointmentHours: Hours.optional(),
    contact: z
      .object({
        phone: z.string().trim().min(1).max(40).optional(),
        email: z.email().max(200).optional(),
        address: z.string().trim().min(1).max(200).optional(),
        web: z
          .url({ protocol: /^https?$/ })
          .max(200)
          .optional(),
      })
      .optional(),
    remoteQuota: z.number().int().min(0).max(10_000).optional(),
    remoteUnconfirmed: z.enum(['call', 'hold']).optional(),
    concerns: z
      .array(
        z.object({
          id: Id,
          prefix: z.string().regex(/^[A-Z]{1,3}$/, 'one to three capital letters'),
          name: z.string().min(1).max(80),
          names: Translations.optional(),
          description: z.string().max(300).optional(),
          descriptions: Translations.optional(),
          documents: z.array(z.string().min(1).max(200)).max(20).optional(),
          documentsByLanguage: z.partialRecord(Lang, z.array(z.string().min(1).max(200)).max(20)).optional(),
          pictogram: z.string().max(40).optional(),
          dailyQuota: z.number().int().min(0).optional(),
          infoUrl: z.string().url().optional(),
          weight: z.number().positive().max(10).optional(),
          serviceMinutes: z.number().positive().max(480).optional(),
          appointmentOnly: z.boolean().optional(),
          slotMinutes: z.number().int().min(5).max(480).optional(),
          slotCapacity: z.number().int().min(1).max(50).optional(),
          remote: z.boolean().optional(),
        }),
      )
      .min(1),
    counters: z
      .array(
        z.object({
          id: Id,
          name: z.string().min(1).max(40),
          concernIds: z.array(Id).min(1),
          area: z.string().max(60).optional(),
          spokenName: z.string().max(80).optional(),
          printer: KioskPrinter.refine((p) => p !== 'agent', 'a counter printer is a printer address').optional(),
        }),
      )
      .min(1),
    policy: z
      .object({
        appointmentLeadMinutes: z.number().min(0).max(240).default(10),
        appointmentLateMinutes: z.number().min(0).max(240).default(15),
        maxWaitMinutes: z.number().min(1).max(1440).default(60),
        maxCalls: z.number().int().min(1).max(10).default(3),
        priorityInterleave: z.number().int().min(0).max(20).optional(),
        preferenceMinutes: z.number().min(0).max(240).optional(),
        appointmentCheckinMinutes: z.number().int().min(0).max(720).optional(),
        appointmentGraceMinutes: z.number().int().min(0).max(240).optional(),
      })
      .prefault({}),
    announcements: z
      .object({
        language: Lang.default('de'),
        templates: Translations.default({ de: 'Nummer {number}, bitte zu {counter}.' }),
      })
      .prefault({}),
    retentionDays: z.number().int().min(1).max(3650).default(90),
    kioskResetSeconds: z.number().int().min(5).max(600).default(30),
    requireDevicePairing: z.boolean().optional(),
    statsTargetWaitMinutes: z.number().int().min(1).max(600).optional(),
    kiosks: z
      .array(
        z.object({
          id: Id,
          name: z.string().min(1).max(60),
          printer: KioskPrinter.optional(),
          agentKey: z
            .string()
            .min(24, 'an agent key needs at least 24 characters')
            .max(200)
            .refine((k) => new Set(k).size >= 8, 'the agent key is too simple; use a random one')
            .optional(),
        }),
      )
      .refine(
        (ks) => ks.every((k) => k.printer !== 'agent' || k.agentKey),
        'a kiosk with an agent printer needs an agentKey',
      )
      .max(100)
      .refine((ks) => new Set(ks.map((k) => k.id)).size === ks.length, 'duplicate kiosk id')
      .optional(),
    outcomes: z
      .array(z.object({ id: Id, name: z.string().min(1).max(60), names: Translations.optional() }))
      .max(12)
      .refine((os) => new Set(os.map((o) => o.id)).size === os.length, 'duplicate outcome id')
      .optional(),
    kioskMaxConcerns: z.number().int().min(1).max(5).optional(),
  })
  .superRefine((office, ctx) => {
    const concernIds = new Set<string>();
    const prefixes = new Set<string>();
    for (const c of office.concerns) {
      if (concernIds.has(c.id)) ctx.addIssue({ code: 'custom', message: `duplicate concern id ${c.id}` });
      if (prefixes.has(c.prefix)) ctx.addIssue({ code: 'custom', message: `duplicate prefix ${c.prefix}` });
      concernIds.add(c.id);
      prefixes.add(c.prefix);
    }
    const counterIds = new Set<string>();
    for (const counter of office.counters) {
      if (counterIds.has(counter.id)) ctx.addIssue({ code: 'custom', message: `duplicate counter id ${counter.id}` });
      counterIds.add(counter.id);
      for (const id of counter.concernIds) {
        if (!concernIds.has(id)) {
          ctx.addIssue({ code: 'custom', message: `counter ${counter.id} serves unknown concern ${id}` });
        }
      }
    }
  });

export class OfficeConfigError extends Error {}

/** Validates a parsed JSON value as office configuration; throws with a readable message. */
export function parseOfficeConfig(value: unknown, source: string): OfficeConfig {
  const parsed = OfficeConfigSchema.safeParse(value);
  if (!parsed.success) {
    const details = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new OfficeConfigError(`Office configuration ${source} is invalid: ${details}`);
  }
  return parsed.data as OfficeConfig;
}

export function loadOfficeConfig(path: string | undefined): OfficeConfig {
  const file = path ?? DEMO_OFFICE_PATH;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new OfficeConfigError(`Office configuration ${file} cannot be read`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new OfficeConfigError(`Office configuration ${file} is not valid JSON`);
  }
  return parseOfficeConfig(json, file);
}

/** The office configuration: the bundled demo office or a JSON file, validated once at start. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { isValidTimeZone, parseClock } from '../core/localtime.ts';
import { isCalendarDay } from '../core/schemas/common.ts';
import type { ConfigIssueCode } from '../core/config-issue.ts';
import { LANGUAGES, type OfficeConfig } from '../core/types.ts';
import { PrinterConfigError } from '../printer/errors.ts';
import { parsePrinterUrl } from '../printer/printer-url.ts';
import { AlertThresholdsSchema } from '../core/alert-thresholds.ts';

export const DEMO_OFFICE_PATH = fileURLToPath(new URL('./demo-office.json', import.meta.url));

/** Messages of the schema's own rules, by the code the apps word them by (see `configIssues`). */
export const RULE_MESSAGES = {
  ID_FORMAT: 'lower-case letters, digits, - and _',
  PREFIX_FORMAT: 'one to three capital letters',
  CLOCK_FORMAT: 'expected HH:MM',
  DAY_FORMAT: 'expected a date of the calendar, YYYY-MM-DD',
  FROM_AFTER_TO: 'from must be before to',
  UNKNOWN_TIME_ZONE: 'unknown IANA time zone',
  COUNTER_PRINTER_AGENT: 'a counter printer is a printer address',
  AGENT_KEY_REQUIRED: 'a kiosk with an agent printer needs an agentKey',
  AGENT_KEY_SHORT: 'an agent key needs at least 24 characters',
  AGENT_KEY_SIMPLE: 'the agent key is too simple; use a random one',
  DUPLICATE_KIOSK_ID: 'duplicate kiosk id',
  DUPLICATE_OUTCOME_ID: 'duplicate outcome id',
  COUNTER_WITHOUT_CONCERNS: 'a counter serves at least one concern',
} as const satisfies Partial<Record<ConfigIssueCode, string>>;

const Lang = z.enum(LANGUAGES);
const Translations = z.partialRecord(Lang, z.string().min(1).max(500));
const Clock = z.string().refine((s) => !Number.isNaN(parseClock(s)), RULE_MESSAGES.CLOCK_FORMAT);
const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, RULE_MESSAGES.DAY_FORMAT)
  .refine(isCalendarDay, RULE_MESSAGES.DAY_FORMAT);
const Id = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, RULE_MESSAGES.ID_FORMAT);

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
      ctx.addIssue({
        code: 'custom',
        // Our own explanation only: another error's text is not for the admin page.
        message: error instanceof PrinterConfigError ? error.message : 'invalid printer',
        params: { code: 'PRINTER_INVALID' },
      });
    }
  });

const TimeRange = z
  .object({ from: Clock, to: Clock })
  .refine((r) => parseClock(r.from) < parseClock(r.to), RULE_MESSAGES.FROM_AFTER_TO);

const Hours = z.object({
  weekly: z.partialRecord(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']), z.array(TimeRange)),
  closedDays: z.array(Day).default([]),
});

export const OfficeConfigSchema = z
  .object({
    id: Id,
    name: z.string().min(1).max(120),
    timezone: z.string().refine(isValidTimeZone, RULE_MESSAGES.UNKNOWN_TIME_ZONE),
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
          prefix: z.string().regex(/^[A-Z]{1,3}$/, RULE_MESSAGES.PREFIX_FORMAT),
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
          concernIds: z.array(Id).min(1, RULE_MESSAGES.COUNTER_WITHOUT_CONCERNS),
          area: z.string().max(60).optional(),
          spokenName: z.string().max(80).optional(),
          printer: KioskPrinter.refine((p) => p !== 'agent', RULE_MESSAGES.COUNTER_PRINTER_AGENT).optional(),
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
        undoSeconds: z.number().int().min(0).max(120).optional(),
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
            .min(24, RULE_MESSAGES.AGENT_KEY_SHORT)
            .max(200)
            .refine((k) => new Set(k).size >= 8, RULE_MESSAGES.AGENT_KEY_SIMPLE)
            .optional(),
        }),
      )
      .max(100)
      .superRefine((ks, ctx) => {
        const ids = new Set<string>();
        ks.forEach((k, i) => {
          if (k.printer === 'agent' && !k.agentKey)
            ctx.addIssue({ code: 'custom', message: RULE_MESSAGES.AGENT_KEY_REQUIRED, path: [i, 'agentKey'] });
          if (ids.has(k.id))
            ctx.addIssue({ code: 'custom', message: RULE_MESSAGES.DUPLICATE_KIOSK_ID, path: [i, 'id'] });
          ids.add(k.id);
        });
      })
      .optional(),
    outcomes: z
      .array(z.object({ id: Id, name: z.string().min(1).max(60), names: Translations.optional() }))
      .max(12)
      .superRefine((os, ctx) => {
        const ids = new Set<string>();
        os.forEach((o, i) => {
          if (ids.has(o.id))
            ctx.addIssue({ code: 'custom', message: RULE_MESSAGES.DUPLICATE_OUTCOME_ID, path: [i, 'id'] });
          ids.add(o.id);
        });
      })
      .optional(),
    kioskMaxConcerns: z.number().int().min(1).max(5).optional(),
    alertThresholds: AlertThresholdsSchema.optional(),
  })
  .superRefine((office, ctx) => {
    const issue = (path: (string | number)[], code: ConfigIssueCode, message: string, id: string) =>
      ctx.addIssue({ code: 'custom', message, path, params: { code, id } });
    const concernIds = new Set<string>();
    const prefixes = new Set<string>();
    office.concerns.forEach((c, i) => {
      if (concernIds.has(c.id))
        issue(['concerns', i, 'id'], 'DUPLICATE_CONCERN_ID', `duplicate concern id ${c.id}`, c.id);
      if (prefixes.has(c.prefix))
        issue(['concerns', i, 'prefix'], 'DUPLICATE_PREFIX', `duplicate prefix ${c.prefix}`, c.prefix);
      concernIds.add(c.id);
      prefixes.add(c.prefix);
    });
    const counterIds = new Set<string>();
    office.counters.forEach((counter, i) => {
      if (counterIds.has(counter.id))
        issue(['counters', i, 'id'], 'DUPLICATE_COUNTER_ID', `duplicate counter id ${counter.id}`, counter.id);
      counterIds.add(counter.id);
      for (const id of counter.concernIds) {
        if (!concernIds.has(id))
          issue(
            ['counters', i, 'concernIds'],
            'UNKNOWN_CONCERN',
            `counter ${counter.id} serves unknown concern ${id}`,
            id,
          );
      }
    });
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

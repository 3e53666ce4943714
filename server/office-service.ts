/**
 * The office configuration at run time: one JSON file that is the single source of truth —
 * the file named by LOTSE_CONFIG, or `office.json` in the data folder (created from the demo
 * office on a first start). Admin changes are validated, written durably to that file and
 * take effect at once; listeners (realtime, queue) are told.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fail, ok, type Result } from '../core/result.ts';
import type { OfficeConfig } from '../core/types.ts';
import { logger } from './logger.ts';
import { DEMO_OFFICE_PATH, loadOfficeConfig, OfficeConfigSchema } from './office-config.ts';
import { writeFileDurably } from './store/durable-file.ts';

const log = logger('office');

export type OfficeListener = (office: OfficeConfig) => void;

export interface ConfigIssue {
  path: string;
  message: string;
}

export class OfficeService {
  private current: OfficeConfig;
  private currentVersion: string;
  private readonly listeners = new Set<OfficeListener>();

  /**
   * @param path the file changes are saved to; `null` keeps changes in memory only (tests that
   *             pass an office object directly).
   */
  constructor(
    initial: OfficeConfig,
    private readonly path: string | null,
  ) {
    this.current = initial;
    this.currentVersion = versionOf(initial);
  }

  /** Opens the configured file, or `<dataDir>/office.json` (seeded from the demo office). */
  static open(configPath: string | undefined, dataDir: string): OfficeService {
    if (configPath) return new OfficeService(loadOfficeConfig(configPath), configPath);
    const path = join(dataDir, 'office.json');
    if (!existsSync(path)) copyFileSync(DEMO_OFFICE_PATH, path);
    return new OfficeService(loadOfficeConfig(path), path);
  }

  get(): OfficeConfig {
    return this.current;
  }

  /** Changes with every saved change; pass it back to `replace` to avoid overwriting others' edits. */
  version(): string {
    return this.currentVersion;
  }

  source(): string | null {
    return this.path;
  }

  onChange(listener: OfficeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Validates and saves a whole new configuration. */
  replace(
    value: unknown,
    expectedVersion?: string,
  ): Result<OfficeConfig> | { ok: false; error: 'VALIDATION_FAILED'; issues: ConfigIssue[] } {
    if (expectedVersion !== undefined && expectedVersion !== this.currentVersion) return fail('CONFIG_CHANGED');
    const parsed = OfficeConfigSchema.safeParse(value);
    if (!parsed.success) {
      return {
        ok: false,
        error: 'VALIDATION_FAILED',
        issues: parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message })),
      };
    }
    const next = parsed.data as OfficeConfig;
    if (next.id !== this.current.id) return fail('VALIDATION_FAILED');
    if (this.path) writeFileDurably(this.path, `${JSON.stringify(next, null, 2)}\n`);
    this.current = next;
    this.currentVersion = versionOf(next);
    log.info({ version: this.currentVersion }, 'office configuration changed');
    for (const listener of this.listeners) {
      try {
        listener(next);
      } catch (error) {
        log.error({ err: error }, 'office listener failed');
      }
    }
    return ok(next);
  }
}

function versionOf(office: OfficeConfig): string {
  return createHash('sha256').update(JSON.stringify(office)).digest('base64url').slice(0, 16);
}

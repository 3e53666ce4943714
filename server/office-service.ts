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
import type { ConfigIssue } from '../core/config-issue.ts';
import type { OfficeConfig } from '../core/types.ts';
import { logger } from './logger.ts';
import { DEMO_OFFICE_PATH, loadOfficeConfig, OfficeConfigSchema } from './office-config.ts';
import { configIssues } from './office-issues.ts';
import { writeFileDurably } from './store/durable-file.ts';

const log = logger('office');

export type OfficeListener = (office: OfficeConfig) => void;

export type { ConfigIssue } from '../core/config-issue.ts';

/** Where a changed configuration is saved. */
export type OfficePersistence = (office: OfficeConfig) => Promise<void>;

export class OfficeService {
  private current: OfficeConfig;
  private currentVersion: string;
  private readonly listeners = new Set<OfficeListener>();

  /**
   * @param persist saves a changed configuration; `null` keeps changes in memory only (tests
   *                that pass an office object directly).
   */
  constructor(
    initial: OfficeConfig,
    private readonly persist: OfficePersistence | null,
    private readonly path: string | null = null,
  ) {
    this.current = initial;
    this.currentVersion = versionOf(initial);
  }

  /** Opens the configured file, or `<dataDir>/office.json` (seeded from the demo office). */
  static open(configPath: string | undefined, dataDir: string): OfficeService {
    const path = configPath ?? join(dataDir, 'office.json');
    if (!configPath && !existsSync(path)) copyFileSync(DEMO_OFFICE_PATH, path);
    const save: OfficePersistence = async (office) => writeFileDurably(path, `${JSON.stringify(office, null, 2)}\n`);
    return new OfficeService(loadOfficeConfig(path), save, path);
  }

  /** Another server process saved a new configuration: take it and tell the listeners. */
  adopt(value: unknown): void {
    const parsed = OfficeConfigSchema.safeParse(value);
    if (!parsed.success) {
      log.error('a configuration saved by another process is invalid; keeping the current one');
      return;
    }
    this.current = parsed.data as OfficeConfig;
    this.currentVersion = versionOf(this.current);
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) {
      try {
        listener(this.current);
      } catch (error) {
        log.error({ err: error }, 'office listener failed');
      }
    }
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
  async replace(
    value: unknown,
    expectedVersion?: string,
  ): Promise<Result<OfficeConfig> | { ok: false; error: 'VALIDATION_FAILED'; issues: ConfigIssue[] }> {
    if (expectedVersion !== undefined && expectedVersion !== this.currentVersion) return fail('CONFIG_CHANGED');
    const parsed = OfficeConfigSchema.safeParse(value);
    if (!parsed.success) {
      return {
        ok: false,
        error: 'VALIDATION_FAILED',
        issues: configIssues(parsed.error.issues),
      };
    }
    const next = parsed.data as OfficeConfig;
    if (next.id !== this.current.id) {
      return {
        ok: false,
        error: 'VALIDATION_FAILED',
        issues: [
          {
            path: 'id',
            code: 'OTHER_OFFICE',
            params: { id: this.current.id },
            message: `this server serves the office "${this.current.id}"`,
          },
        ],
      };
    }
    if (this.persist) await this.persist(next);
    this.current = next;
    this.currentVersion = versionOf(next);
    log.info({ version: this.currentVersion }, 'office configuration changed');
    this.notify();
    return ok(next);
  }
}

function versionOf(office: OfficeConfig): string {
  return createHash('sha256').update(JSON.stringify(office)).digest('base64url').slice(0, 16);
}

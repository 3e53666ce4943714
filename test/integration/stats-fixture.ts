/**
 * The shared set-up of the statistics tests over a generated month of office days with known
 * figures (see test/helpers/stats-month.ts): one server per file on that data, its clock on
 * Wednesday 2 December 2026, and an admin to read the figures as JSON and CSV.
 */
import { beforeAll } from 'vitest';
import { testScope } from '../helpers/scope.ts';
import { http, type JsonAnswer, login, removeDir, type TestServer, tempDataDir } from '../helpers/server.ts';
import { writeMonth } from '../helpers/stats-month.ts';

/** The query of the whole generated month. */
export const MONTH = 'from=2026-11-01&to=2026-11-30';

/** Parses the server's CSV (no quoted commas in these files except names, which are checked apart). */
export function parseCsv(text: string): Record<string, string>[] {
  const [head, ...lines] = text.trimEnd().split('\n');
  const columns = (head ?? '').split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [columns[i], cell])));
}

/** A JSON figure as it appears in the CSV (null: empty cell). */
export const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));

export interface GeneratedMonth {
  server: TestServer;
  admin: string;
  dataDir: string;
  /** GET as the admin. */
  get(path: string): Promise<JsonAnswer>;
}

/** Starts the server on the generated month for the calling describe block (registers its hook). */
export function useGeneratedMonth(): GeneratedMonth {
  const month = {} as GeneratedMonth;
  const scope = testScope({ perFile: true });
  month.get = (path) => http(month.server.url, 'GET', path, undefined, month.admin);
  beforeAll(async () => {
    month.dataDir = tempDataDir();
    scope.cleanup.push(() => removeDir(month.dataDir));
    await writeMonth(month.dataDir);
    // Wednesday 2 December, 11:00 in Berlin.
    month.server = await scope.server({ dataDir: month.dataDir, clock: () => Date.parse('2026-12-02T10:00:00Z') });
    month.admin = await login(month.server.url);
  });
  return month;
}

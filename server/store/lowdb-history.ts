/**
 * The closed days of the embedded store, under the data folder:
 *   archive/YYYY-MM-DD.json  ticket details of one closed day (deleted after the retention period)
 *   stats/YYYY-MM-DD.json    hourly statistics of one closed day (kept)
 * Written when a day is closed (`archiveDay`), read for statistics, exports, appointments and a
 * phone page of a past day. The live day is `lowdb-store.ts`'s.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { HourBucket } from '../../core/stats.ts';
import type { DayState, Ticket } from '../../core/types.ts';
import { openJSONFile } from './durable-file.ts';
import type { StoreExport } from './store.ts';

interface ArchiveFile {
  day: string;
  tickets: Ticket[];
}

interface StatsFile {
  day: string;
  buckets: HourBucket[];
}

export class LowdbHistory {
  constructor(private readonly dir: string) {}

  private archivePath(day: string) {
    return join(this.dir, 'archive', `${day}.json`);
  }

  async archiveDay(state: DayState, buckets: HourBucket[]) {
    this.tokenIndex = null;
    const db = await openJSONFile<ArchiveFile>(this.archivePath(state.day), { day: state.day, tickets: [] });
    const known = new Map(db.data.tickets.map((t) => [t.id, t]));
    for (const t of state.tickets) known.set(t.id, t);
    db.data = { day: state.day, tickets: [...known.values()] };
    await db.write();
    const stats = await openJSONFile<StatsFile>(this.statsPath(state.day), { day: state.day, buckets: [] });
    stats.data = { day: state.day, buckets };
    await stats.write();
  }

  private statsPath(day: string) {
    return join(this.dir, 'stats', `${day}.json`);
  }

  private daysIn(folder: 'archive' | 'stats'): string[] {
    return readdirSync(join(this.dir, folder))
      .filter((f) => /^\d{4}-\d{2}-\d{2}\.json$/.test(f))
      .map((f) => f.slice(0, 10))
      .sort();
  }

  private archivedDays(): string[] {
    return this.daysIn('archive');
  }

  async archivedTickets(from: string, to: string) {
    const tickets: Ticket[] = [];
    for (const day of this.archivedDays()) {
      if (day < from || day > to) continue;
      const db = await openJSONFile<ArchiveFile>(this.archivePath(day), { day, tickets: [] });
      tickets.push(...db.data.tickets);
    }
    return tickets;
  }

  async statsBuckets(from: string, to: string) {
    const buckets: HourBucket[] = [];
    for (const day of this.daysIn('stats')) {
      if (day < from || day > to) continue;
      const db = await openJSONFile<StatsFile>(this.statsPath(day), { day, buckets: [] });
      buckets.push(...db.data.buckets);
    }
    return buckets;
  }

  async purgeDetailsBefore(day: string) {
    let purged = 0;
    for (const d of this.archivedDays()) {
      if (d >= day) break;
      rmSync(this.archivePath(d), { force: true });
      purged++;
    }
    return purged;
  }

  /** Tokens of the last three archived days, read once (a look-up must not parse files each time). */
  private tokenIndex: { days: string; tickets: Map<string, Ticket> } | null = null;

  async findArchivedTicket(token: string) {
    const days = this.archivedDays().slice(-3);
    const key = days.join(',');
    if (this.tokenIndex?.days !== key) {
      const tickets = new Map<string, Ticket>();
      for (const day of days) {
        const db = await openJSONFile<ArchiveFile>(this.archivePath(day), { day, tickets: [] });
        for (const t of db.data.tickets) tickets.set(t.token, t);
      }
      this.tokenIndex = { days: key, tickets };
    }
    return this.tokenIndex.tickets.get(token) ?? null;
  }

  /** The closed days, as a backup holds them. */
  async exportAll(): Promise<Pick<StoreExport, 'archive' | 'stats'>> {
    const archive = [];
    for (const day of this.archivedDays()) {
      const db = await openJSONFile<ArchiveFile>(this.archivePath(day), { day, tickets: [] });
      archive.push(db.data);
    }
    const stats = [];
    for (const day of this.daysIn('stats')) {
      const db = await openJSONFile<StatsFile>(this.statsPath(day), { day, buckets: [] });
      stats.push(db.data);
    }
    return { archive, stats };
  }
}

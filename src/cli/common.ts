import { existsSync } from 'node:fs';
import { config } from '../config.js';
import { isPostgresUrl, openStore, StoreStateError, StoreUnavailableError, type FactStore } from '../store/index.js';

/**
 * Opens the store named by --db, else DATABASE_URL, else ./data/pledgewatch.db; a clear message
 * when it cannot. A command that only reads (`existing`) refuses a SQLite file that is not there
 * instead of creating an empty one: a mistyped path would otherwise report an empty ledger.
 */
export async function storeFromOption(db: string | undefined, command: string, { existing = false } = {}): Promise<FactStore | null> {
  const url = db ?? config.databaseUrl;
  if (existing && !isPostgresUrl(url) && url !== ':memory:' && !existsSync(url)) {
    process.stderr.write(`pledgewatch ${command}: there is no database at ${url} (ingest articles first, or name one with --db)\n`);
    return null;
  }
  try {
    return await openStore(url);
  } catch (err) {
    const reason = err instanceof StoreUnavailableError || err instanceof StoreStateError ? err.message : `cannot open the database: ${(err as Error).message}`;
    process.stderr.write(`pledgewatch ${command}: ${reason}\n`);
    return null;
  }
}

/** Reports why a command did nothing; a usage error (exit 2) also says where the options are listed. */
export function fail(command: string, message: string, code = 2): number {
  const hint = code === 2 ? `\n(pledgewatch ${command.split(' ')[0]} --help lists the options, with an example)` : '';
  process.stderr.write(`pledgewatch ${command}: ${message}${hint}\n`);
  return code;
}

/** A one-line progress bar on a terminal; silent when stderr is not one. */
export class Progress {
  private readonly tty = Boolean(process.stderr.isTTY);
  private last = 0;

  constructor(private readonly total: number | null) {}

  update(done: number, summary: string): void {
    if (!this.tty) return;
    const now = Date.now();
    if (now - this.last < 100 && done !== this.total) return;
    this.last = now;
    const width = 30;
    // counted in articles: a bar when their number is known before reading, else the count so far
    const bar = this.total ? `[${'#'.repeat(Math.round((width * Math.min(done, this.total)) / this.total)).padEnd(width, '.')}] ${done}/${this.total} articles` : `${done} articles`;
    process.stderr.write(`\r${bar} ${summary}\u001b[K`);
  }

  end(): void {
    if (this.tty) process.stderr.write('\r\u001b[K');
  }
}

/** A real day written YYYY-MM-DD (2025-13-45 is none). */
export function isCalendarDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Euros as every command prints them: €1.20bn, €45.0m, €800,000. */
export const money = (n: number | null) => (n === null ? '' : n >= 1e9 ? `€${(n / 1e9).toFixed(2)}bn` : n >= 1e6 ? `€${(n / 1e6).toFixed(1)}m` : `€${Math.round(n).toLocaleString('en')}`);

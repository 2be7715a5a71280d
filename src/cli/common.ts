import { config } from '../config.js';
import { openStore, StoreStateError, StoreUnavailableError, type FactStore } from '../store/index.js';

/** Opens the store named by --db, else DATABASE_URL, else ./data/pledgewatch.db; a clear message when it cannot. */
export async function storeFromOption(db: string | undefined, command: string): Promise<FactStore | null> {
  const url = db ?? config.databaseUrl;
  try {
    return await openStore(url);
  } catch (err) {
    const reason = err instanceof StoreUnavailableError || err instanceof StoreStateError ? err.message : `cannot open the database: ${(err as Error).message}`;
    process.stderr.write(`pledgewatch ${command}: ${reason}\n`);
    return null;
  }
}

export function fail(command: string, message: string, code = 2): number {
  process.stderr.write(`pledgewatch ${command}: ${message}\n`);
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
    const bar = this.total ? `[${'#'.repeat(Math.round((width * Math.min(done, this.total)) / this.total)).padEnd(width, '.')}] ${done}/${this.total}` : `${done}`;
    process.stderr.write(`\r${bar} ${summary}\u001b[K`);
  }

  end(): void {
    if (this.tty) process.stderr.write('\r\u001b[K');
  }
}

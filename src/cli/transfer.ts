// backup, restore and move: a store's every row as JSON lines, read back into a new store, or
// copied straight from one database to another with the counts of each table checked.
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { BACKUP_FORMAT, BACKUP_VERSION, readAll, tableCounts, TransferError, writeAll, type Counts, type TableRow } from '../store/transfer.js';
import { fail, storeFromOption } from './common.js';

const total = (c: Counts) => Object.values(c).reduce((n, v) => n + v, 0);
const mismatches = (a: Counts, b: Counts) => Object.keys(a).filter((t) => a[t as keyof Counts] !== b[t as keyof Counts]);

export async function runBackupCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { db: { type: 'string' } } });
  } catch (err) {
    return fail('backup', (err as Error).message);
  }
  const file = parsed.positionals[0];
  if (!file) return fail('backup', 'where to write: pledgewatch backup FILE [--db URL]');
  const store = await storeFromOption(parsed.values.db, 'backup', { existing: true });
  if (!store) return 1;
  try {
    const out = file === '-' ? process.stdout : createWriteStream(file);
    const write = async (line: string) => {
      if (!out.write(`${line}\n`)) await once(out, 'drain');
    };
    const counts = await tableCounts(store.db);
    await write(JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, counts }));
    // a row at a time: memory stays flat however large the store
    for await (const item of readAll(store.db)) await write(JSON.stringify(item));
    if (out !== process.stdout) {
      out.end();
      await once(out, 'finish');
    }
    process.stderr.write(`pledgewatch backup: ${total(counts)} rows from ${Object.keys(counts).length} tables written to ${file}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

/** The rows of a backup file, after its header line; the header's counts go to `header`. */
async function* backupRows(file: string, header: { counts?: Counts }): AsyncGenerator<TableRow> {
  const lines = createInterface({ input: file === '-' ? process.stdin : createReadStream(file), crlfDelay: Infinity });
  let first = true;
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new TransferError(`line ${n} of ${file} is not JSON`);
    }
    if (first) {
      const h = value as { format?: string; version?: number; counts?: Counts };
      if (h.format !== BACKUP_FORMAT) throw new TransferError(`${file} is not a pledgewatch backup (its first line names no format ${BACKUP_FORMAT})`);
      if (h.version !== BACKUP_VERSION) throw new TransferError(`${file} is a backup of version ${h.version}; this pledgewatch reads version ${BACKUP_VERSION}`);
      header.counts = h.counts;
      first = false;
      continue;
    }
    yield value as TableRow;
  }
  if (first) throw new TransferError(`${file} is empty`);
}

export async function runRestoreCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { db: { type: 'string' } } });
  } catch (err) {
    return fail('restore', (err as Error).message);
  }
  const file = parsed.positionals[0];
  if (!file) return fail('restore', 'what to read: pledgewatch restore FILE [--db URL] (into a new, empty database)');
  const store = await storeFromOption(parsed.values.db, 'restore');
  if (!store) return 1;
  try {
    const header: { counts?: Counts } = {};
    const written = await writeAll(store.db, backupRows(file, header), () => header.counts);
    process.stderr.write(`pledgewatch restore: ${total(written)} rows restored, every table's count as in the backup\n`);
    return 0;
  } catch (err) {
    if (err instanceof TransferError) return fail('restore', err.message, 1);
    throw err;
  } finally {
    await store.close();
  }
}

export async function runMoveCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' } } });
  } catch (err) {
    return fail('move', (err as Error).message);
  }
  const { from, to } = parsed.values;
  if (!from || !to) return fail('move', 'pledgewatch move --from ./data/pledgewatch.db --to postgres://… (into a new, empty database)');
  if (from === to) return fail('move', '--from and --to name the same database');
  const source = await storeFromOption(from, 'move', { existing: true });
  if (!source) return 1;
  const target = await storeFromOption(to, 'move');
  if (!target) {
    await source.close();
    return 1;
  }
  try {
    const before = await tableCounts(source.db);
    await writeAll(target.db, readAll(source.db));
    const after = await tableCounts(target.db);
    const wrong = mismatches(before, after);
    if (wrong.length > 0) return fail('move', `the copy differs in ${wrong.join(', ')}`, 1);
    if (parsed.values.json) process.stdout.write(`${JSON.stringify(after)}\n`);
    else process.stdout.write(`${Object.entries(after).map(([t, n]) => `${t}: ${n}`).join('\n')}\nmoved ${total(after)} rows; every table's count is the same in both databases\n`);
    return 0;
  } catch (err) {
    if (err instanceof TransferError) return fail('move', err.message, 1);
    throw err;
  } finally {
    await source.close();
    await target.close();
  }
}

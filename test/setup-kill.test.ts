// A first run killed after any statement of its set-up (migrations, then reference data) leaves a
// database that the next run opens and completes, on SQLite and PostgreSQL.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openStore, StoreStateError } from '../src/store/index.js';
import { organizations } from '../src/lexicons/index.js';
import { DIALECTS } from './store-helpers.js';

const CLI = join(import.meta.dirname, '..', 'bin', 'pledgewatch.js');
const run = promisify(execFile);

/** Runs `token list` (which opens the store and nothing else); with `killAfter`, the process kills itself after that statement. */
async function openWithCli(db: string, killAfter?: number): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  const env = { ...process.env, PLEDGEWATCH_TEST_KILL_AFTER_STATEMENT: killAfter ? String(killAfter) : '' };
  try {
    const { stderr } = await run(process.execPath, [CLI, 'token', 'list', '--db', db], { env });
    return { code: 0, signal: null, stderr };
  } catch (err) {
    const e = err as { code: number | null; signal: string | null; stderr: string };
    return { code: e.code, signal: e.signal, stderr: e.stderr };
  }
}

/** Kills a first run after statement 1, 2, … until a run gets through; after each kill the next run must succeed and be complete. */
async function killAtEveryStatement(freshDb: (n: number) => Promise<string>, dropDb: (db: string) => Promise<void>): Promise<number> {
  let statements = 0;
  for (let first = 1; statements === 0; first += 4) {
    const outcomes = await Promise.all([0, 1, 2, 3].map(async (i) => {
      const n = first + i;
      const db = await freshDb(n);
      try {
        const killed = await openWithCli(db, n);
        if (killed.signal !== 'SIGKILL') {
          expect(killed.code, killed.stderr).toBe(0);
          return n;
        }
        const next = await openWithCli(db);
        expect(next.code, `after a kill at statement ${n}: ${next.stderr}`).toBe(0);
        const store = await openStore(db);
        try {
          const orgs = await store.db.selectFrom('organizations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
          expect(Number(orgs.n), `after a kill at statement ${n}`).toBe(organizations.length);
        } finally {
          await store.close();
        }
        return 0;
      } finally {
        await dropDb(db);
      }
    }));
    statements = outcomes.find((n) => n > 0) ?? 0;
  }
  return statements - 1;
}

describe('a first run killed at any moment', () => {
  it('on SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-kill-'));
    const statements = await killAtEveryStatement(async (n) => join(dir, `kill-${n}.db`), async () => undefined);
    expect(statements).toBeGreaterThan(20);
  }, 300_000);

  it.runIf(DIALECTS.some((d) => d.name === 'postgres'))('on PostgreSQL', async () => {
    const admin = new pg.Client({ connectionString: process.env.PLEDGEWATCH_TEST_DATABASE_URL });
    await admin.connect();
    try {
      const base = new URL(process.env.PLEDGEWATCH_TEST_DATABASE_URL!);
      const made: string[] = [];
      const statements = await killAtEveryStatement(
        async (n) => {
          await admin.query(`drop database if exists pw_kill_${n} with (force)`);
          await admin.query(`create database pw_kill_${n}`);
          return Object.assign(new URL(base), { pathname: `/pw_kill_${n}` }).toString();
        },
        async (db) => void made.push(new URL(db).pathname.slice(1)),
      );
      expect(statements).toBeGreaterThan(20);
      // dropped once every pool on them has closed
      for (const name of made) await admin.query(`drop database if exists ${name} with (force)`);
    } finally {
      await admin.end();
    }
  }, 300_000);

  it('a database in a state no migration knows gets a clear message', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pw-state-')), 'other.db');
    const other = new SQLite(file);
    other.exec('create table stories (id integer primary key)');
    other.close();
    await expect(openStore(file)).rejects.toThrow(StoreStateError);
    await expect(openStore(file)).rejects.toThrow(/state no migration of this pledgewatch knows \(.*stories.*already exists/);
    const cli = await openWithCli(file);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/pledgewatch token: .*state no migration/);
  });
});

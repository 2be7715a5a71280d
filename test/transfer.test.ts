// backup, restore and move, as a user runs them: a SQLite database with articles, reviews, a
// reviewed stage, revisions and a token goes to each database the suite runs on and comes out
// the same — the ledger, the proposals, the review log, the history and every table's count.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../src/api/auth.js';
import { ingestArticle, ingestArticles, type ArticleSource } from '../src/ingest/ingest-article.js';
import { reviewStage } from '../src/ledger/commitments.js';
import { refold } from '../src/ledger/record.js';
import { ledgerRows } from '../src/ledger/query.js';
import { proposalRows } from '../src/ledger/proposal-query.js';
import { openStore, type FactStore } from '../src/store/index.js';
import { tableCounts } from '../src/store/transfer.js';
import { FIXTURE_PUBLISHED, fixtureArticles } from './helpers.js';
import { DIALECTS, freshStore } from './store-helpers.js';

const CLI = join(import.meta.dirname, '..', 'bin', 'pledgewatch.js');
const DEMO = join(import.meta.dirname, '..', 'examples', 'demo');
const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

/** Everything a user would check after a move: the ledger with its sources and stages, reviews and history. */
async function snapshot(store: FactStore) {
  return {
    ledger: await ledgerRows(store.db),
    proposals: await proposalRows(store.db, { limit: null }),
    reviews: await store.db.selectFrom('review_log').selectAll().orderBy('id').execute(),
    history: await store.db.selectFrom('ledger_history').selectAll().orderBy('id').execute(),
    facts: await store.db.selectFrom('facts').select(['id', 'review_status', 'edited_data']).orderBy('id').execute(),
    articles: await store.db.selectFrom('articles').select(['id', 'content_hash', 'revision_of', 'superseded_by']).orderBy('id').execute(),
    counts: await tableCounts(store.db),
  };
}

describe('backup, restore and move', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pledgewatch-transfer-'));
  const sourceDb = join(dir, 'source.db');
  let source: FactStore;
  let expected: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    source = await freshStore(sourceDb);
    const demo = ['finland-air-defence.jsonl', 'nordic-roundup.jsonl', 'support-2025.jsonl', 'ceasefire-talks.jsonl'].flatMap((f) =>
      readFileSync(join(DEMO, f), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as ArticleSource));
    await ingestArticles(source, [...demo, ...fixtureArticles().map((a) => ({ text: a.text, published: FIXTURE_PUBLISHED, url: `https://fixtures.example.org/${a.name}` }))]);
    // an edited text at a known address: a revision
    const [first] = fixtureArticles();
    await ingestArticle(source, { text: `${first.text}\nThis article was updated.`, published: FIXTURE_PUBLISHED, url: `https://fixtures.example.org/${first.name}` });
    // reviews: one accepted, one corrected (folded again), a stage set by hand, a token
    const commitments = await source.db.selectFrom('facts').selectAll().where('type', '=', 'commitment').where('review_status', '=', 'pending').orderBy('id').limit(2).execute();
    const at = new Date('2025-07-01T10:00:00Z');
    await source.db.transaction().execute(async (trx) => {
      await trx.updateTable('facts').set({ review_status: 'accepted', reviewed_by: 'analyst', reviewed_at: at.toISOString() }).where('id', '=', commitments[0].id).execute();
      await trx.insertInto('review_log').values({ fact_id: commitments[0].id, action: 'accept', actor: 'analyst', at: at.toISOString(), before: commitments[0].data, after: commitments[0].data }).execute();
      const corrected = { ...JSON.parse(commitments[1].data), amount: 123e6 };
      await trx.updateTable('facts').set({ review_status: 'edited', reviewed_by: 'editor', reviewed_at: at.toISOString(), edited_data: JSON.stringify(corrected) }).where('id', '=', commitments[1].id).execute();
      await trx.insertInto('review_log').values({ fact_id: commitments[1].id, action: 'edit', actor: 'editor', at: at.toISOString(), before: commitments[1].data, after: JSON.stringify(corrected) }).execute();
      await refold(trx, commitments[1], corrected, at, 'editor');
      const [row] = await ledgerRows(trx, { limit: 1 });
      await reviewStage(trx, row.id, { stage: 'suspended', evidence: 'paused, the ministry said', actor: 'analyst' }, at);
    });
    await createToken(source.db, 'ci', 'reviewer');
    expected = await snapshot(source);
    expect(expected.counts.article_locations).toBeGreaterThan(5);
    expect(expected.articles.some((a) => a.superseded_by !== null)).toBe(true);
  }, 120_000);
  afterAll(async () => {
    await source.close();
  });

  for (const dialect of DIALECTS) {
    it(`moves a SQLite database to ${dialect.name} with the same ledger, reviews, history and counts`, async () => {
      const url = dialect.url();
      await (await freshStore(url)).close();
      const moved = cli('move', '--from', sourceDb, '--to', url);
      expect(moved.stderr).toBe('');
      expect(moved.status).toBe(0);
      expect(moved.stdout).toContain("every table's count is the same in both databases");
      const target = await openStore(url);
      try {
        expect(await snapshot(target)).toEqual(expected);
        // the planner has statistics for the copied tables
        const analyzed = dialect.name === 'postgres'
          ? sql<{ n: number }>`select count(*)::int as n from pg_stat_user_tables where relname = 'ledger_commitments' and last_analyze is not null`
          : sql<{ n: number }>`select count(*) as n from sqlite_stat1 where tbl = 'ledger_commitments'`;
        expect(Number((await analyzed.execute(target.db)).rows[0].n)).toBeGreaterThan(0);
        // the copy goes on working: a new article gets ids after the copied ones
        const added = await ingestArticle(target, { text: 'Portugal will give €45 million to Ukraine for demining.', published: '2025-08-01' });
        expect(added.status).toBe('ingested');
        expect((added as { articleId: number }).articleId).toBeGreaterThan(Math.max(...expected.articles.map((a) => a.id)));
      } finally {
        await target.close();
      }
      // a database in use is never written over
      const again = cli('move', '--from', sourceDb, '--to', url);
      expect(again.status).toBe(1);
      expect(again.stderr).toContain('already holds articles');
    }, 120_000);

    it(`backs up and restores into ${dialect.name} with the same counts`, async () => {
      const file = join(dir, `backup-${dialect.name}.jsonl`);
      const backup = cli('backup', file, '--db', sourceDb);
      expect(backup.status).toBe(0);
      expect(JSON.parse(readFileSync(file, 'utf8').split('\n')[0])).toMatchObject({ format: 'pledgewatch-backup', version: 1, counts: expected.counts });
      const url = dialect.url();
      await (await freshStore(url)).close();
      const restored = cli('restore', file, '--db', url);
      expect(restored.stderr).toContain("every table's count as in the backup");
      expect(restored.status).toBe(0);
      const target = await openStore(url);
      try {
        expect(await snapshot(target)).toEqual(expected);
      } finally {
        await target.close();
      }
    }, 120_000);
  }

  it('refuses a file that is not a backup, and a backup cut short, leaving the database as it was', async () => {
    const notBackup = join(dir, 'articles.jsonl');
    writeFileSync(notBackup, '{"text":"Norway will send aid."}\n');
    const empty = join(dir, 'empty.db');
    const refused = cli('restore', notBackup, '--db', empty);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('is not a pledgewatch backup');
    const file = join(dir, 'full.jsonl');
    expect(cli('backup', file, '--db', sourceDb).status).toBe(0);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const cut = join(dir, 'cut.jsonl');
    writeFileSync(cut, `${lines.slice(0, -3).join('\n')}\n`);
    const short = cli('restore', cut, '--db', empty);
    expect(short.status).toBe(1);
    expect(short.stderr).toContain('it is incomplete, and nothing was written');
    const untouched = await openStore(empty);
    try {
      expect((await tableCounts(untouched.db)).articles).toBe(0);
    } finally {
      await untouched.close();
    }
  });
});

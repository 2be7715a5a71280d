// One suite for both databases (SQLite always; PostgreSQL when PLEDGEWATCH_TEST_DATABASE_URL is set).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestArticle, type ArticleSource } from '../src/ingest/ingest-article.js';
import { readSources } from '../src/ingest/sources.js';
import { reprocessArticles } from '../src/ingest/reprocess.js';
import { ledgerRows, ledgerSummary } from '../src/ledger/query.js';
import { counts } from '../src/store/repositories.js';
import type { FactStore } from '../src/store/index.js';
import { DIALECTS, freshStore } from './store-helpers.js';
import { fixtureArticles } from './helpers.js';

const DEMO = join(import.meta.dirname, '..', 'examples', 'demo');
const sixReports = (): ArticleSource[] =>
  readFileSync(join(DEMO, 'finland-air-defence.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));

async function ingestAll(store: FactStore, articles: ArticleSource[]) {
  const outcomes = [];
  for (const a of articles) outcomes.push(await ingestArticle(store, a, new Date('2025-06-01T00:00:00Z')));
  return outcomes;
}

for (const dialect of DIALECTS) {
  describe(`store on ${dialect.name}`, () => {
    let store: FactStore;
    beforeEach(async () => {
      store = await freshStore(dialect.url());
    });
    afterEach(async () => {
      await store.close();
    });

    it('folds six reports of one pledge into one story of three copies and one commitment with six sources', async () => {
      const outcomes = await ingestAll(store, sixReports());
      expect(outcomes.map((o) => o.status)).toEqual(Array(6).fill('ingested'));
      const stories = await store.db.selectFrom('articles').select(['story_id']).execute();
      const sizes = new Map<number | null, number>();
      for (const s of stories) sizes.set(s.story_id, (sizes.get(s.story_id) ?? 0) + 1);
      expect([...sizes.values()].sort()).toEqual([1, 1, 1, 3]);
      const ledger = await ledgerRows(store.db);
      expect(ledger).toHaveLength(1);
      expect(ledger[0]).toMatchObject({ donor: 'FI', recipient: 'UA', amount: 200e6, unit: 'EUR', eur: 200e6, status: 'pledged', announced: '2025-04-07' });
      expect(ledger[0].sources).toHaveLength(6);
      expect(ledger[0].gdpShare).toBeGreaterThan(0.05);
    });

    it('stores an article once however often it is ingested', async () => {
      await ingestAll(store, sixReports());
      const before = await counts(store.db);
      const again = await ingestAll(store, sixReports());
      expect(again.map((o) => o.status)).toEqual(Array(6).fill('duplicate'));
      expect(await counts(store.db)).toEqual(before);
    });

    it('keeps an edited text at a known address as a new revision, its old facts superseded', async () => {
      const [first] = sixReports();
      const original = await ingestArticle(store, first);
      const ledgerBefore = await ledgerRows(store.db);
      // the same page under a tracking parameter is the same address
      const edited = await ingestArticle(store, { ...first, text: `${first.text}\nUpdated.`, url: `${first.url}?utm_campaign=x` });
      expect(edited).toMatchObject({ status: 'ingested', revisionOf: original.status === 'ingested' ? original.articleId : -1 });
      const old = await store.db.selectFrom('facts').select('review_status').where('article_id', '=', (original as { articleId: number }).articleId).execute();
      expect(new Set(old.map((f) => f.review_status))).toEqual(new Set(['superseded']));
      const ledger = await ledgerRows(store.db);
      expect(ledger).toHaveLength(ledgerBefore.length);
      expect(ledger[0].sources.map((s) => s.articleId)).toEqual([(edited as { articleId: number }).articleId]);
    });

    it('moves a pledge to delivered when a later report says it was delivered', async () => {
      await ingestArticle(store, { text: 'Norway will send 12 howitzers to Ukraine, the defence minister said.', published: '2025-03-01' });
      await ingestArticle(store, { text: 'Norway has delivered 12 howitzers to Ukraine, officials in Oslo confirmed on Friday.', published: '2025-03-20' });
      const ledger = await ledgerRows(store.db, { donor: 'NO' });
      expect(ledger).toHaveLength(1);
      expect(ledger[0]).toMatchObject({ amount: 12, unit: 'units', status: 'delivered', announced: '2025-03-01' });
      expect(ledger[0].sources).toHaveLength(2);
    });

    it('keeps pledges more than 30 days apart as two commitments', async () => {
      await ingestArticle(store, { text: 'Norway will send 12 howitzers to Ukraine, the defence minister said.', published: '2025-01-01' });
      await ingestArticle(store, { text: 'Norway will send 12 howitzers to Ukraine in a new package, the defence minister said.', published: '2025-06-01' });
      expect(await ledgerRows(store.db, { donor: 'NO' })).toHaveLength(2);
    });

    it('values money in euros and %GDP in euros, with a fixed GDP year on request', async () => {
      await ingestArticle(store, { text: 'Sweden will give SEK 10 billion to Ukraine, the government said.', published: '2024-05-02' });
      await ingestArticle(store, { text: 'Latvia will give at least 0.25 percent of its GDP annually to Ukraine, the minister said.', published: '2024-05-02' });
      const [se] = await ledgerRows(store.db, { donor: 'SE' });
      expect(se.eur).toBeCloseTo(10e9 / 11.4325, -3);
      const [lv] = await ledgerRows(store.db, { donor: 'LV' });
      expect(lv).toMatchObject({ unit: '%GDP', period: 'annual', gdpShare: 0.25 });
      expect(lv.eur).toBeGreaterThan(80e6);
      const [lvFixed] = await ledgerRows(store.db, { donor: 'LV', gdpYear: 2021 });
      expect(lvFixed.eur).toBeLessThan(lv.eur!);
    });

    it('lists a running total in the ledger but does not add it to the totals', async () => {
      await ingestArticle(store, { text: 'Sweden will give SEK 10 billion to Ukraine, the government said.', published: '2024-05-02' });
      await ingestArticle(store, { text: 'Sweden has so far provided SEK 40 billion to Ukraine in total, the government said.', published: '2024-05-20' });
      expect((await ledgerRows(store.db, { donor: 'SE' })).map((r) => r.period).sort()).toEqual(['cumulative', 'one-off']);
      const [total] = await ledgerSummary(store.db, 'donor', { donor: 'SE' });
      expect(total).toMatchObject({ key: 'SE', commitments: 1 });
      expect(total.eur).toBeCloseTo(10e9 / 11.4325, -3);
      expect((await ledgerSummary(store.db, 'donor', { donor: 'SE', period: 'cumulative' }))[0].commitments).toBe(1);
    });

    it('filters the ledger by donor, recipient, status and dates', async () => {
      await ingestAll(store, sixReports());
      await ingestArticle(store, { text: 'Norway will send 12 howitzers to Ukraine, the defence minister said.', published: '2024-01-10' });
      expect(await ledgerRows(store.db, { donor: 'FI' })).toHaveLength(1);
      expect(await ledgerRows(store.db, { since: '2025-01-01' })).toHaveLength(1);
      expect(await ledgerRows(store.db, { until: '2024-12-31', donor: 'NO' })).toHaveLength(1);
      expect(await ledgerRows(store.db, { status: 'delivered' })).toHaveLength(0);
    });

    it('records coalition members from the lexicon and from pledges', async () => {
      await ingestArticle(store, { text: 'Estonia is ready to be part of the coalition of the willing, Prime Minister Kristen Michal said on Monday.', published: '2025-03-10' });
      const members = await store.db
        .selectFrom('organization_members')
        .innerJoin('organizations', 'organizations.id', 'organization_members.organization_id')
        .select(['organizations.name', 'organization_members.country', 'organization_members.source', 'organization_members.evidence'])
        .where('organizations.name', 'in', ['coalition of the willing', 'Group of Seven'])
        .execute();
      expect(members.filter((m) => m.name === 'Group of Seven').map((m) => m.country).sort()).toEqual(['CA', 'DE', 'FR', 'GB', 'IT', 'JP', 'US']);
      expect(members.find((m) => m.name === 'coalition of the willing')).toMatchObject({ country: 'EE', source: 'fact', evidence: expect.stringContaining('coalition of the willing') });
    });

    it('re-extracts stored articles and keeps reviewed facts', async () => {
      await ingestAll(store, sixReports());
      const fact = await store.db.selectFrom('facts').select('id').where('type', '=', 'commitment').executeTakeFirstOrThrow();
      await store.db.updateTable('facts').set({ review_status: 'accepted', reviewed_by: 'analyst', reviewed_at: '2025-06-01T00:00:00Z' }).where('id', '=', fact.id).execute();
      const before = await counts(store.db);
      const summary = await reprocessArticles(store, { all: true });
      expect(summary).toEqual({ articles: 6, failed: 0 });
      expect(await counts(store.db)).toMatchObject({ articles: before.articles, commitments: before.commitments, facts: before.facts });
      expect(await store.db.selectFrom('facts').select('review_status').where('id', '=', fact.id).executeTakeFirst()).toEqual({ review_status: 'accepted' });
      expect((await ledgerRows(store.db))[0].sources).toHaveLength(6);
    });

    it('ingests a folder of mixed files, reporting what it cannot read', async () => {
      const outcomes: string[] = [];
      for await (const item of readSources([join(import.meta.dirname, 'fixtures')])) {
        if ('error' in item) outcomes.push('error');
        else outcomes.push((await ingestArticle(store, item.article)).status);
      }
      const articles = fixtureArticles().length;
      expect(outcomes.filter((o) => o === 'ingested')).toHaveLength(articles);
      expect(outcomes.filter((o) => o === 'error')).toHaveLength(articles); // the golden .expected.json files are not articles
    });
  });
}

// The ledger as analysts rely on it, on every database the suite runs on: every address of a
// text, revisions, lifecycle stages, dates with their precision, valuation and totals, history.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestArticle } from '../src/ingest/ingest-article.js';
import { reviewStage } from '../src/ledger/commitments.js';
import { ledgerHistory, ledgerRows, ledgerSummary } from '../src/ledger/query.js';
import { monthlyFlows, totalsByDonorAndCategory } from '../src/ledger/charts.js';
import type { FactStore } from '../src/store/index.js';
import { threeCopies } from './helpers.js';
import { DIALECTS, freshStore } from './store-helpers.js';

for (const dialect of DIALECTS) {
  describe(`ledger on ${dialect.name}`, () => {
    let store: FactStore;
    beforeEach(async () => {
      store = await freshStore(dialect.url());
    });
    afterEach(async () => {
      await store.close();
    });

    it('gives one row with three sources, each with its address, for three copies of a report at three URLs', async () => {
      const outcomes = [];
      for (const copy of threeCopies()) outcomes.push(await ingestArticle(store, copy));
      expect(outcomes.map((o) => o.status)).toEqual(['ingested', 'duplicate', 'ingested']);
      expect(outcomes[1]).toMatchObject({ newLocation: true });
      const [row, ...others] = await ledgerRows(store.db);
      expect(others).toHaveLength(0);
      expect(row.sources.map((s) => s.url)).toEqual(threeCopies().map((c) => c.url));
      expect(row.sources.map((s) => s.publisher)).toEqual(['one.example.org', 'two.example.net', 'three.example.com']);
      // the same copy again adds nothing
      expect(await ingestArticle(store, threeCopies()[1])).toMatchObject({ status: 'duplicate', newLocation: false });
      expect((await ledgerRows(store.db))[0].sources).toHaveLength(3);
    });

    it('keeps the pledge and its delivery as stages of one row, each with its date', async () => {
      await ingestArticle(store, { text: 'Poland pledged 30 tanks to Ukraine.', published: '2025-03-01' });
      await ingestArticle(store, { text: 'Poland has delivered the 30 tanks it pledged to Ukraine.', published: '2025-06-01' });
      const [row, ...others] = await ledgerRows(store.db);
      expect(others).toHaveLength(0);
      expect(row).toMatchObject({ donor: 'PL', recipient: 'UA', amount: 30, unit: 'units', status: 'delivered', delivered: 30, deliveredOn: '2025-06-01', announced: '2025-03-01' });
      expect(row.stages.map(({ stage, date, amount }) => ({ stage, date, amount }))).toEqual([
        { stage: 'pledged', date: '2025-03-01', amount: 30 },
        { stage: 'delivered', date: '2025-06-01', amount: 30 },
      ]);
    });

    it('adds up what charts draw: per month committed and delivered with the empty months between, and totals by donor and category', async () => {
      await ingestArticle(store, { text: 'Poland pledged EUR 30 million in military aid to Ukraine.', published: '2025-03-01' });
      await ingestArticle(store, { text: 'Poland has delivered EUR 10 million of the military aid it pledged to Ukraine.', published: '2025-06-01' });
      await ingestArticle(store, { text: 'Estonia will give 0.25 percent of its GDP annually to Ukraine.', published: '2025-04-02' });
      const flows = await monthlyFlows(store.db);
      expect(flows.map((f) => f.month)).toEqual(['2025-03', '2025-04', '2025-05', '2025-06']);
      expect(flows[0].committed).toBeCloseTo(30e6);
      // the yearly pledge is per year: no part of the months' totals
      expect(flows[1]).toEqual({ month: '2025-04', committed: 0, delivered: 0 });
      expect(flows[3].delivered).toBeCloseTo(10e6);
      const totals = await totalsByDonorAndCategory(store.db);
      expect(totals).toEqual([expect.objectContaining({ donor: 'PL', category: 'military', commitments: 1 })]);
      expect(totals[0].eur).toBeCloseTo(30e6);
    });

    it('adds up partial deliveries, counts a restated delivery once, and keeps a delivery beyond the pledge apart', async () => {
      await ingestArticle(store, { text: 'Poland pledged 30 tanks to Ukraine.', published: '2025-03-01' });
      await ingestArticle(store, { text: 'Poland has delivered 20 of the tanks it pledged to Ukraine.', published: '2025-05-02' });
      await ingestArticle(store, { text: 'Officials said Poland has delivered 20 tanks to Ukraine so far.', published: '2025-05-10' });
      await ingestArticle(store, { text: 'Poland has delivered 10 more tanks to Ukraine.', published: '2025-08-20' });
      await ingestArticle(store, { text: 'Poland has delivered 12 tanks to Ukraine.', published: '2025-09-30' });
      const rows = await ledgerRows(store.db, { sort: 'announced', descending: false });
      expect(rows.map((r) => [r.amount, r.status, r.delivered])).toEqual([
        [30, 'delivered', 30],
        [12, 'delivered', 12],
      ]);
    });

    it('folds the reports of one article into each other as it goes: a pledge, then its partial delivery, in one text', async () => {
      const text = [
        'Poland pledged 30 tanks to Ukraine on Monday.',
        'Poland has delivered 20 of the tanks it pledged to Ukraine.',
        'Poland will also provide €50 million to Ukraine.',
      ].join('\n');
      await ingestArticle(store, { text, published: '2025-03-05' });
      const rows = await ledgerRows(store.db, { sort: 'announced', descending: false });
      const tanks = rows.find((r) => r.unit === 'units');
      expect(tanks).toMatchObject({ donor: 'PL', recipient: 'UA', amount: 30, status: 'delivered', delivered: 20 });
      expect(tanks!.sources).toHaveLength(2);
      expect(rows.filter((r) => r.unit === 'EUR').map((r) => r.amount)).toEqual([50e6]);
      // the history tells the row's story in order: created, another source, then its new stage
      const history = await ledgerHistory(store.db, tanks!.id);
      expect(history!.map((h) => h.action)).toEqual(['created', 'source', 'stage']);
    });

    it('does not match a delivery to a pledge announced more than 18 months before', async () => {
      await ingestArticle(store, { text: 'Poland pledged 30 tanks to Ukraine.', published: '2023-01-10' });
      await ingestArticle(store, { text: 'Poland has delivered 30 tanks to Ukraine.', published: '2025-02-01' });
      expect((await ledgerRows(store.db)).map((r) => r.status).sort()).toEqual(['delivered', 'pledged']);
    });

    it('dates a commitment by its own sentence, else by the publication, and never by the clock', async () => {
      await ingestArticle(store, { text: 'On 12 March, Norway pledged NOK 5 billion to Ukraine.', published: '2025-03-20' });
      await ingestArticle(store, { text: 'Sweden will give SEK 3 billion to Ukraine.', published: '2025-03' });
      await ingestArticle(store, { text: 'Denmark will give DKK 1 billion to Ukraine by 1 May.', published: '2025-04-02' });
      await ingestArticle(store, { text: 'Canada will give CAD 500 million to Ukraine.' });
      const byDonor = Object.fromEntries((await ledgerRows(store.db)).map((r) => [r.donor, [r.announced, r.announcedPrecision]]));
      expect(byDonor).toEqual({ NO: ['2025-03-12', 'day'], SE: ['2025-03', 'month'], DK: ['2025-04-02', 'day'], CA: [null, 'unknown'] });
      const months = await ledgerSummary(store.db, 'month');
      expect(months.find((m) => m.key === 'undated')).toMatchObject({ commitments: 1 });
    });

    it('values equipment from the price list, marked as an estimate', async () => {
      await ingestArticle(store, { text: 'Germany will send four IRIS-T air defence systems to Ukraine.', published: '2025-03-01' });
      await ingestArticle(store, { text: 'Norway will provide 40 armoured vehicles to Ukraine.', published: '2025-03-01' });
      const rows = await ledgerRows(store.db, { sort: 'eur', descending: true });
      expect(rows[0]).toMatchObject({ donor: 'DE', valuation: 'estimate' });
      expect(rows[0].eur).toBeGreaterThan(4 * 100e6);
      expect(rows[0].gdpShare).toBeGreaterThan(0);
      // an item the price list does not know has no value, and sorts last
      expect(rows[1]).toMatchObject({ donor: 'NO', eur: null, valuation: null });
    });

    it('never adds an annual share of GDP to a one-off one, and sorts by EUR and by %GDP', async () => {
      await ingestArticle(store, { text: 'Lithuania will give 0.30 percent of its GDP annually to Ukraine.', published: '2025-03-01' });
      await ingestArticle(store, { text: 'Lithuania will also give Ukraine a one-off 0.06 percent of its GDP.', published: '2025-03-01' });
      await ingestArticle(store, { text: 'Norway pledged NOK 85 billion to Ukraine.', published: '2025-03-01' });
      await ingestArticle(store, { text: 'Germany pledged EUR 3.5 billion to Ukraine.', published: '2025-03-01' });
      const [lithuania] = await ledgerSummary(store.db, 'donor', { donor: 'LT' });
      expect(lithuania.gdpShare).toBeCloseTo(0.06, 6);
      expect(lithuania.byPeriod.annual.gdpShare).toBeCloseTo(0.3, 6);
      expect(lithuania.commitments).toBe(2);
      const byEur = await ledgerRows(store.db, { sort: 'eur', descending: true });
      // NOK 85 billion is about EUR 7 billion: above EUR 3.5 billion in euros, whatever the raw numbers say
      expect(byEur.map((r) => r.donor).slice(0, 2)).toEqual(['NO', 'DE']);
      const byShare = await ledgerRows(store.db, { sort: 'gdpShare', descending: true });
      // NOK 85 billion is some 1.6 % of Norway's GDP; EUR 3.5 billion under 0.1 % of Germany's
      expect(byShare.map((r) => [r.donor, r.period])).toEqual([['NO', 'one-off'], ['LT', 'annual'], ['DE', 'one-off'], ['LT', 'one-off']]);
    });

    it('shares the EU institutions\' commitments out to the member states by their GDP, on request', async () => {
      await ingestArticle(store, { text: 'The European Union will provide EUR 1 billion to Ukraine.', published: '2024-05-01' });
      await ingestArticle(store, { text: 'Germany pledged EUR 500 million to Ukraine.', published: '2024-05-01' });
      const asDonor = await ledgerSummary(store.db, 'donor');
      expect(asDonor.map((t) => [t.key, t.eur])).toEqual([['EU', 1e9], ['DE', 5e8]]);
      const shared = await ledgerSummary(store.db, 'donor', { euShared: true });
      expect(shared.map((t) => t.key)).not.toContain('EU');
      expect(shared).toHaveLength(27);
      expect(shared.reduce((n, t) => n + t.eur, 0)).toBeCloseTo(1.5e9, 0);
      const germany = shared.find((t) => t.key === 'DE')!;
      // Germany is about a quarter of the members' GDP
      expect(germany.eur - 5e8).toBeGreaterThan(0.2e9);
      expect(germany.eur - 5e8).toBeLessThan(0.3e9);
      expect(await ledgerSummary(store.db, 'donor', { euShared: true, donor: 'DE' })).toEqual([germany]);
      // each member's share of the EU's euros is the same share of its own GDP
      const [malta, france] = ['MT', 'FR'].map((code) => shared.find((t) => t.key === code)!);
      expect(malta.gdpShare).toBeCloseTo(france.gdpShare!, 8);
      expect(malta.eur).toBeLessThan(france.eur / 20);
    });

    it('keeps every change to a row in its history, and a reviewer\'s cancellation holds against later reports', async () => {
      await ingestArticle(store, { text: 'Poland pledged 30 tanks to Ukraine.', published: '2025-03-01' });
      await ingestArticle(store, { text: 'Poland has delivered 20 of the tanks it pledged to Ukraine.', published: '2025-05-02' });
      const [row] = await ledgerRows(store.db);
      await store.db.transaction().execute((trx) => reviewStage(trx, row.id, { stage: 'cancelled', evidence: 'Warsaw halted the rest of the transfer.', actor: 'analyst' }, new Date('2025-07-01T00:00:00Z')));
      await ingestArticle(store, { text: 'Poland has delivered 10 more tanks to Ukraine.', published: '2025-08-20' });
      const rows = await ledgerRows(store.db);
      const cancelled = rows.find((r) => r.id === row.id)!;
      expect(cancelled).toMatchObject({ status: 'cancelled', delivered: 20 });
      expect(cancelled.stages.at(-1)).toMatchObject({ stage: 'cancelled', reviewed: { actor: 'analyst', evidence: 'Warsaw halted the rest of the transfer.' } });
      const history = await ledgerHistory(store.db, row.id);
      expect(history!.map((h) => h.action)).toEqual(['created', 'source', 'stage', 'review', 'stage']);
      expect(history![2].detail).toEqual({ from: 'pledged', to: 'delivered' });
      expect(history![3]).toMatchObject({ actor: 'analyst', detail: { stage: 'cancelled' } });
      expect(await ledgerHistory(store.db, 99_999)).toBeUndefined();
    });
  });
}

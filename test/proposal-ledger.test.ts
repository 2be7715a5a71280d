// Proposals across articles, on every database the suite runs on: a proposal reported in one
// article and answered in a later one is one stored proposal with both events; reviews and
// deletions take their events out again; the API lists them and gives their history, the export writes them.
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../src/api/app.js';
import { ingestArticle } from '../src/ingest/ingest-article.js';
import { proposalById, proposalRows } from '../src/ledger/proposal-query.js';
import { sameProposal, sameSubject } from '../src/ledger/proposals.js';
import { deleteArticle } from '../src/ledger/record.js';
import type { FactStore } from '../src/store/index.js';
import { DIALECTS, freshStore } from './store-helpers.js';

const PROPOSED = { url: 'https://wire.example.org/truce', published: '2025-03-11', text: 'Chile offers truce\n\nChile on Tuesday proposed a 30-day ceasefire to Peru, its foreign ministry said.' };
const REJECTED = { url: 'https://wire.example.org/no-truce', published: '2025-03-14', text: 'Peru says no\n\nPeru on Friday rejected the Chilean proposal for a 30-day ceasefire, calling it a trap.' };

describe('which reports are one proposal', () => {
  it('shares the main words of the subject, ignoring articles and prepositions', () => {
    expect(sameSubject('a 30-day ceasefire', 'ceasefire proposal')).toBe(true);
    expect(sameSubject('the peace plan', 'prisoner exchange')).toBe(false);
  });

  it('needs a proposer in common and no other addressee', () => {
    const row = { proposer: ['CL'], addressee: 'PE', subject: '30-day ceasefire' };
    const report = { proposer: ['CL', 'AR'], addressee: null, subject: 'ceasefire', status: 'proposed' as const, responses: [] };
    expect(sameProposal(row, report)).toBe(true);
    expect(sameProposal(row, { ...report, proposer: ['AR'] })).toBe(false);
    expect(sameProposal(row, { ...report, addressee: 'BO' })).toBe(false);
  });
});

for (const dialect of DIALECTS) {
  describe(`proposals on ${dialect.name}`, () => {
    let store: FactStore;
    beforeEach(async () => {
      store = await freshStore(dialect.url());
    });
    afterEach(async () => {
      await store.close();
    });

    it('folds a proposal and its later rejection into one proposal with both events', async () => {
      await ingestArticle(store, PROPOSED);
      await ingestArticle(store, REJECTED);
      const { total, items } = await proposalRows(store.db);
      expect(total).toBe(1);
      expect(items[0]).toMatchObject({ proposer: ['CL'], addressee: 'PE', status: 'rejected', firstSeen: '2025-03-11', lastSeen: '2025-03-14', sources: 2 });
      expect(items[0].responses).toEqual([{ by: 'PE', response: 'rejected', at: '2025-03-14' }]);
      const detail = await proposalById(store.db, items[0].id);
      expect(detail!.history.map((e) => [e.at, e.kind, e.party, e.status, e.url])).toEqual([
        ['2025-03-11', 'proposed', null, 'proposed', PROPOSED.url],
        ['2025-03-14', 'proposed', null, 'proposed', REJECTED.url],
        ['2025-03-14', 'response', 'PE', 'rejected', REJECTED.url],
      ]);
      expect(detail!.history[2].evidence).toBe('Peru on Friday rejected');
    });

    it('keeps proposals more than 90 days apart, or with other proposers, apart', async () => {
      await ingestArticle(store, PROPOSED);
      await ingestArticle(store, { ...REJECTED, url: 'https://wire.example.org/later', published: '2025-08-01' });
      await ingestArticle(store, { url: 'https://wire.example.org/other', published: '2025-03-12', text: 'Bolivia proposed a 30-day ceasefire to Peru.' });
      const { items } = await proposalRows(store.db, { limit: 10 });
      expect(items).toHaveLength(3);
      expect((await proposalRows(store.db, { party: 'BO' })).items.map((p) => p.proposer)).toEqual([['BO']]);
      expect((await proposalRows(store.db, { status: 'rejected' })).total).toBe(1);
    });

    it('takes a deleted article’s events out, and goes back to the status the rest give', async () => {
      await ingestArticle(store, PROPOSED);
      const rejected = await ingestArticle(store, REJECTED);
      if (rejected.status !== 'ingested') throw new Error('not ingested');
      await store.db.transaction().execute((trx) => deleteArticle(trx, rejected.articleId, { actor: 'ana', reason: 'wrong page' }, new Date()));
      const { items } = await proposalRows(store.db);
      expect(items).toMatchObject([{ status: 'proposed', sources: 1, responses: [] }]);
    });
  });
}

for (const dialect of DIALECTS) {
  describe(`proposals through the API and the export on ${dialect.name}`, () => {
    let store: FactStore;
    let app: FastifyInstance;
    beforeAll(async () => {
      store = await freshStore(dialect.url());
      await ingestArticle(store, PROPOSED);
      await ingestArticle(store, REJECTED);
      app = await buildApp({ store, writesPerMinute: 1000 });
    });
    afterAll(async () => {
      await app.close();
      await store.close();
    });

    it('lists proposals by party and status, and gives one with its history', async () => {
      const list = (await app.inject({ url: '/api/proposals?party=pe' })).json();
      expect(list.total).toBe(1);
      expect(list.items[0]).toMatchObject({ proposer: ['CL'], addressee: 'PE', status: 'rejected', sources: 2, sourceUrls: [PROPOSED.url, REJECTED.url] });
      expect((await app.inject({ url: '/api/proposals?status=accepted' })).json()).toEqual({ total: 0, items: [] });
      expect((await app.inject({ url: '/api/proposals?status=maybe' })).statusCode).toBe(400);
      const one = (await app.inject({ url: `/api/proposals/${list.items[0].id}` })).json();
      expect(one.history.map((e: { kind: string; party: string | null }) => [e.kind, e.party])).toEqual([['proposed', null], ['proposed', null], ['response', 'PE']]);
      expect((await app.inject({ url: '/api/proposals/999' })).statusCode).toBe(404);
    });

    it('exports one row per proposal with its answers and sources', async () => {
      const csv = await app.inject({ url: '/api/export/proposals.csv' });
      expect(csv.headers['content-type']).toContain('text/csv');
      const [header, row, ...rest] = csv.body.trim().split('\r\n');
      expect(rest).toEqual([]);
      expect(header).toBe('proposer,addressee,subject,status,first_seen,last_seen,responses,evidence,sources,source_urls');
      expect(row).toContain('CL,PE,');
      expect(row).toContain(',rejected,2025-03-11,2025-03-14,PE:rejected:2025-03-14,');
      const xlsx = await app.inject({ url: '/api/export/proposals.xlsx?party=CL' });
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    });
  });
}

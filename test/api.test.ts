// Every route through app.inject(): happy path, invalid input, unauthorized, forbidden, not found.
// Runs on SQLite, and on PostgreSQL when PLEDGEWATCH_TEST_DATABASE_URL is set.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/api/app.js';
import { createToken } from '../src/api/auth.js';
import { ingestArticles, type ArticleSource } from '../src/ingest/ingest-article.js';
import { recordFailure } from '../src/ingest/failures.js';
import { guessedFields } from '../src/facts/uncertainty.js';
import type { FactStore } from '../src/store/index.js';
import { DIALECTS, freshStore } from './store-helpers.js';

const DEMO = join(import.meta.dirname, '..', 'examples', 'demo', 'finland-air-defence.jsonl');
const reports = (): ArticleSource[] => readFileSync(DEMO, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const ARTICLE = 'Norway will send 12 howitzers to Ukraine, Defence Minister Ola Berg said on Monday.';

for (const dialect of DIALECTS) {
  describe(`API on ${dialect.name}`, () => {
    let store: FactStore;
    let app: FastifyInstance;
    beforeAll(async () => {
      store = await freshStore(dialect.url());
      await ingestArticles(store, reports());
      app = await buildApp({ store, writesPerMinute: 1000 });
    });
    afterAll(async () => {
      await app.close();
      await store.close();
    });

    describe('open on loopback while no token exists', () => {
      it('GET /api/ledger/commitments filters and values the ledger', async () => {
        const res = await app.inject({ url: '/api/ledger/commitments?donor=fi' });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject([{ donor: 'FI', recipient: 'UA', amount: 200e6, eur: 200e6, sources: expect.any(Array) }]);
        expect(res.json()[0].sources).toHaveLength(6);
        // a country by its name, as on the command line
        expect((await app.inject({ url: '/api/ledger/commitments?donor=Finland&recipient=ukraine' })).json()).toMatchObject([{ donor: 'FI', recipient: 'UA' }]);
        expect((await app.inject({ url: '/api/ledger/commitments?since=2030-01-01' })).json()).toEqual([]);
      });

      it('GET /api/ledger/commitments sorts by a column and filters by period', async () => {
        const byAmount = (await app.inject({ url: '/api/ledger/commitments?sort=amount&dir=desc' })).json();
        const amounts = byAmount.map((r: { amount: number | null }) => r.amount).filter((a: number | null) => a !== null);
        expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
        const oneOff = (await app.inject({ url: '/api/ledger/commitments?period=one-off' })).json();
        expect(oneOff.length).toBeGreaterThan(0);
        expect(oneOff.every((r: { period: string }) => r.period === 'one-off')).toBe(true);
        expect((await app.inject({ url: '/api/ledger/commitments?sort=colour' })).statusCode).toBe(400);
      });

      it('GET /api/ledger/commitments rejects a malformed filter with the field and reason', async () => {
        const res = await app.inject({ url: '/api/ledger/commitments?since=yesterday' });
        expect(res.statusCode).toBe(400);
        expect(res.json().error).toMatchObject({ code: 'VALIDATION', fields: [{ field: 'querystring.since', reason: expect.stringMatching(/date/) }] });
      });

      it('GET /api/ledger/summary totals by donor, category or month; reviewed=only counts accepted facts', async () => {
        expect((await app.inject({ url: '/api/ledger/summary?by=donor' })).json()).toMatchObject([{ key: 'FI', commitments: 1, eur: 200e6, gdpShare: expect.closeTo(0.0722, 3), byPeriod: { annual: { commitments: 0 } } }]);
        expect((await app.inject({ url: '/api/ledger/summary?by=month' })).json()).toMatchObject([{ key: '2025-04', commitments: 1, eur: 200e6, gdpShare: null }]);
        // no EU commitment to share out: the same totals
        expect((await app.inject({ url: '/api/ledger/summary?by=donor&eu=shared' })).json()).toMatchObject([{ key: 'FI', eur: 200e6 }]);
        expect((await app.inject({ url: '/api/ledger/summary?by=donor&eu=all' })).statusCode).toBe(400);
        expect((await app.inject({ url: '/api/ledger/summary?by=donor&reviewed=only' })).json()).toEqual([]);
        expect((await app.inject({ url: '/api/ledger/summary?by=planet' })).statusCode).toBe(400);
      });

      it('GET /api/facts?group=story gives one review item per story: a fact with its pending copies listed under it', async () => {
        const plain = (await app.inject({ url: '/api/facts?type=commitment&status=pending' })).json();
        const items = (await app.inject({ url: '/api/facts?type=commitment&status=pending&group=story' })).json().items;
        const finnish = items.filter((f: { data: { donor: string } }) => f.data.donor === 'FI');
        expect(finnish).toHaveLength(1);
        expect(finnish[0].copies).toHaveLength(plain.items.filter((f: { data: { donor: string } }) => f.data.donor === 'FI').length - 1);
        expect(finnish[0].copies[0]).toMatchObject({ articleId: expect.any(Number), evidence: expect.any(String), source: expect.any(String) });
      });

      it('GET /api/ledger/breakdown and /api/ledger/flows give what the charts draw, under the ledger filters', async () => {
        expect((await app.inject({ url: '/api/ledger/breakdown' })).json()).toEqual([{ donor: 'FI', category: 'military', eur: 200e6, commitments: 1 }]);
        expect((await app.inject({ url: '/api/ledger/flows?donor=fi' })).json()).toEqual([{ month: '2025-04', committed: 200e6, delivered: 0 }]);
        expect((await app.inject({ url: '/api/ledger/flows?donor=LT' })).json()).toEqual([]);
        expect((await app.inject({ url: '/api/ledger/breakdown?category=weapons' })).statusCode).toBe(400);
      });

      it('POST /api/articles stores text and returns it with its facts; a repeat is not stored twice', async () => {
        const res = await app.inject({ method: 'POST', url: '/api/articles', payload: { text: ARTICLE, published: '2025-05-05' } });
        expect(res.statusCode).toBe(201);
        const body = res.json();
        expect(body.text).toBe(ARTICLE);
        const commitment = body.facts.find((f: { type: string }) => f.type === 'commitment');
        expect(commitment).toMatchObject({ data: { donor: 'NO', amount: 12 }, reviewStatus: 'pending' });
        expect(ARTICLE.slice(commitment.start, commitment.end)).toBe(commitment.evidence);
        const again = await app.inject({ method: 'POST', url: '/api/articles', payload: { text: ARTICLE } });
        expect(again.statusCode).toBe(200);
        expect(again.json().id).toBe(body.id);
      });

      it('POST /api/articles takes a pasted text with the address it came from, recorded and not fetched', async () => {
        const pasted = await app.inject({ method: 'POST', url: '/api/articles', payload: { text: 'Sweden will send five ambulances to Ukraine.', url: 'https://paper.example.org/sweden-ambulances', published: '2025-05' } });
        expect(pasted.statusCode).toBe(201);
        expect(pasted.json()).toMatchObject({ url: 'https://paper.example.org/sweden-ambulances', source: 'paper.example.org', published: '2025-05' });
        const ledger = (await app.inject({ url: '/api/ledger/commitments?donor=SE' })).json();
        expect(ledger[0]).toMatchObject({ announced: '2025-05', announcedPrecision: 'month', sources: [{ url: 'https://paper.example.org/sweden-ambulances' }] });
      });

      it('POST /api/articles refuses bad input and private URLs', async () => {
        expect((await app.inject({ method: 'POST', url: '/api/articles', payload: {} })).json().error.code).toBe('VALIDATION');
        const priv = await app.inject({ method: 'POST', url: '/api/articles', payload: { url: 'http://127.0.0.1:1/a' } });
        expect(priv.statusCode).toBe(422);
        expect(priv.json().error).toMatchObject({ code: 'ARTICLE_UNREADABLE', message: expect.stringMatching(/refused, 127\.0\.0\.1 is a loopback address/) });
        expect((await app.inject({ method: 'POST', url: '/api/articles', payload: { text: '\u0000\u0001' } })).json().error.code).toBe('ARTICLE_UNREADABLE');
        for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'ftp://example.org/a']) {
          expect((await app.inject({ method: 'POST', url: '/api/articles', payload: { url } })).json().error, url).toMatchObject({ code: 'VALIDATION', fields: [{ field: 'body.url' }] });
        }
      });

      it('GET /api/articles pages by cursor; GET /api/articles/:id gives text and facts, or 404', async () => {
        const first = (await app.inject({ url: '/api/articles?limit=2' })).json();
        expect(first.items).toHaveLength(2);
        const second = (await app.inject({ url: `/api/articles?limit=2&cursor=${first.nextCursor}` })).json();
        expect(second.items[0].id).toBeLessThan(first.items[1].id);
        const detail = await app.inject({ url: `/api/articles/${first.items[0].id}` });
        expect(detail.statusCode).toBe(200);
        expect(detail.json().facts.length).toBeGreaterThan(0);
        expect((await app.inject({ url: '/api/articles/999999' })).json().error.code).toBe('NOT_FOUND');
        expect((await app.inject({ url: '/api/articles/abc' })).statusCode).toBe(400);
      });

      it('GET /api/facts filters by type, article, person and country', async () => {
        const res = (await app.inject({ url: '/api/facts?type=commitment&country=FI&limit=3' })).json();
        expect(res.items.length).toBeGreaterThan(0);
        expect(res.items.every((f: { type: string }) => f.type === 'commitment')).toBe(true);
        const people = (await app.inject({ url: '/api/facts?type=quote&person=Aino%20Laakso' })).json();
        expect(people.items.length).toBeGreaterThan(0);
        expect((await app.inject({ url: '/api/facts?type=opinion' })).statusCode).toBe(400);
      });

      it('POST /api/facts/:id/review logs every action; an edited commitment re-folds the ledger', async () => {
        const fact = (await app.inject({ url: '/api/facts?type=commitment&country=FI&limit=1' })).json().items[0];
        const accepted = await app.inject({ method: 'POST', url: `/api/facts/${fact.id}/review`, payload: { action: 'accept', actor: 'analyst@example.org' } });
        expect(accepted.json()).toMatchObject({ reviewStatus: 'accepted', reviewedBy: 'analyst@example.org' });
        expect((await app.inject({ url: '/api/ledger/summary?by=donor&reviewed=only' })).json()).toMatchObject([{ key: 'FI', commitments: 1, eur: 200e6, gdpShare: expect.closeTo(0.0722, 3) }]);
        const edited = await app.inject({ method: 'POST', url: `/api/facts/${fact.id}/review`, payload: { action: 'edit', actor: 'editor', fields: { amount: 250e6 } } });
        expect(edited.json()).toMatchObject({ reviewStatus: 'edited', data: { amount: 250e6 } });
        const ledger = (await app.inject({ url: '/api/ledger/commitments?donor=FI' })).json();
        expect(ledger.map((r: { amount: number; sources: unknown[] }) => [r.amount, r.sources.length]).sort()).toEqual([[200e6, 5], [250e6, 1]]);
        const history = (await app.inject({ url: `/api/facts/${fact.id}/history` })).json();
        expect(history.map((h: { action: string; actor: string }) => [h.action, h.actor])).toEqual([['accept', 'analyst@example.org'], ['edit', 'editor']]);
        expect(history[1]).toMatchObject({ before: { amount: 200e6 }, after: { amount: 250e6 } });

        // reopen (the workbench's undo): pending again, the extracted data back, the ledger as before
        const reopened = await app.inject({ method: 'POST', url: `/api/facts/${fact.id}/review`, payload: { action: 'reopen', actor: 'editor' } });
        expect(reopened.json()).toMatchObject({ reviewStatus: 'pending', data: { amount: 200e6 } });
        const restored = (await app.inject({ url: '/api/ledger/commitments?donor=FI' })).json();
        expect(restored.map((r: { amount: number; sources: unknown[] }) => [r.amount, r.sources.length])).toEqual([[200e6, 6]]);
      });

      it('GET /api/ledger/commitments/:id/history lists every change; POST …/stage sets a reviewed stage with its evidence', async () => {
        const [row] = (await app.inject({ url: '/api/ledger/commitments?donor=FI' })).json();
        const history = (await app.inject({ url: `/api/ledger/commitments/${row.id}/history` })).json();
        expect(history[0]).toMatchObject({ action: 'created', actor: null });
        expect(history.filter((h: { action: string }) => h.action === 'source').length).toBeGreaterThan(0);
        const stage = await app.inject({ method: 'POST', url: `/api/ledger/commitments/${row.id}/stage`, payload: { stage: 'suspended', evidence: 'Helsinki paused the package.', actor: 'analyst' } });
        expect(stage.statusCode).toBe(200);
        expect(stage.json()).toMatchObject({ id: row.id, status: 'suspended' });
        const after = (await app.inject({ url: `/api/ledger/commitments/${row.id}/history` })).json();
        expect(after.at(-2)).toMatchObject({ action: 'review', actor: 'analyst', detail: { stage: 'suspended', evidence: 'Helsinki paused the package.' } });
        expect((await app.inject({ method: 'POST', url: `/api/ledger/commitments/${row.id}/stage`, payload: { stage: 'lost', evidence: 'x', actor: 'a' } })).statusCode).toBe(400);
        expect((await app.inject({ method: 'POST', url: '/api/ledger/commitments/999999/stage', payload: { stage: 'cancelled', evidence: 'x', actor: 'a' } })).statusCode).toBe(404);
        expect((await app.inject({ url: '/api/ledger/commitments/999999/history' })).statusCode).toBe(404);
        // put back as reported for the tests that follow
        await app.inject({ method: 'POST', url: `/api/ledger/commitments/${row.id}/stage`, payload: { stage: 'pledged', evidence: 'resumed', actor: 'analyst' } });
      });

      it('GET /api/export/commitments.csv?layout=kiel writes the Kiel main-sheet columns; GET /api/export/dictionary defines them', async () => {
        const csv = await app.inject({ url: '/api/export/commitments.csv?layout=kiel' });
        expect(csv.headers['content-disposition']).toContain('commitments-kiel.csv');
        const [header, ...lines] = csv.body.trim().split('\r\n');
        const line = lines.find((l: string) => l.startsWith('Finland'));
        expect(header).toBe('donor,announcement_date,aid_type_general,aid_type_specific,measure,reporting_currency,source_reported_value,tot_sub_activity_value_EUR,item,item_numb,item_numb_deliv,Source of Aid 1,Source of Aid 2,Source of Aid 3,Source of Aid 4');
        expect(line).toMatch(/^Finland,2025-04-0\d,Military,military,Commitment,EUR,200000000,200000000,,,,https:/);
        const dictionary = (await app.inject({ url: '/api/export/dictionary' })).json();
        expect(dictionary.version).toMatch(/^\d+\.\d+$/);
        expect(dictionary.layouts.kiel.map((c: { name: string }) => c.name)).toEqual(header.split(','));
        expect(dictionary.layouts.default.every((c: { unit: string; description: string }) => c.unit && c.description)).toBe(true);
      });

      it('POST /api/facts/:id/review checks an edit against the type of fact', async () => {
        const fact = (await app.inject({ url: '/api/facts?type=commitment&country=FI&limit=1' })).json().items[0];
        const review = (fields: object) => app.inject({ method: 'POST', url: `/api/facts/${fact.id}/review`, payload: { action: 'edit', actor: 'editor', fields } });
        const wrongType = await review({ amount: 'lots' });
        expect(wrongType.statusCode).toBe(400);
        expect(wrongType.json().error.fields).toEqual([expect.objectContaining({ field: 'fields.amount' })]);
        expect((await review({ status: 'promised' })).json().error.fields[0].field).toBe('fields.status');
        expect((await review({ colour: 'red' })).statusCode).toBe(400);
        expect((await review({ evidence: { start: 0, end: 1, text: 'x', rule: 'r' } })).statusCode).toBe(400);
        expect((await app.inject({ url: `/api/facts/${fact.id}/history` })).json().every((h: { after: { amount: unknown } }) => typeof h.after.amount === 'number')).toBe(true);
      });

      it('POST /api/facts/:id/review checks its input and the fact', async () => {
        expect((await app.inject({ method: 'POST', url: '/api/facts/1/review', payload: { action: 'edit', actor: 'x' } })).json().error).toMatchObject({ code: 'VALIDATION', fields: [{ field: 'body.fields' }] });
        expect((await app.inject({ method: 'POST', url: '/api/facts/999999/review', payload: { action: 'accept', actor: 'x' } })).statusCode).toBe(404);
        expect((await app.inject({ url: '/api/facts/999999/history' })).statusCode).toBe(404);
      });

      it('POST /api/articles/:id/facts adds a fact the extractor missed: accepted, marked as the reviewer\'s, folded into the ledger', async () => {
        // a pledge the extractor does not read: it has no verb of giving
        const text = 'Aid update. The armoured vehicles, forty of them, are Sweden\'s, a footnote to the Kyiv talks said.';
        const posted = (await app.inject({ method: 'POST', url: '/api/articles', payload: { text, published: '2025-05-02' } })).json();
        expect(posted.facts.filter((f: { type: string }) => f.type === 'commitment')).toEqual([]);
        const start = text.indexOf('The armoured');
        const end = text.indexOf(', a footnote');
        const fields = { donor: 'SE', recipient: 'UA', amount: 40, unit: 'units', period: 'one-off', category: 'military', status: 'pledged', qualifier: null, item: 'armoured vehicles' };
        const add = (payload: object) => app.inject({ method: 'POST', url: `/api/articles/${posted.id}/facts`, payload: { type: 'commitment', start, end, actor: 'analyst', fields, ...payload } });
        const res = await add({});
        expect(res.statusCode).toBe(201);
        expect(res.json()).toMatchObject({ type: 'commitment', evidence: text.slice(start, end), rule: 'reviewer.added', reviewStatus: 'accepted', reviewedBy: 'analyst', data: { ...fields, rules: { donor: 'reviewer.added' } } });
        const [row] = (await app.inject({ url: '/api/ledger/commitments?donor=SE' })).json();
        expect(row).toMatchObject({ donor: 'SE', amount: 40, item: 'armoured vehicles', sources: [{ evidence: text.slice(start, end) }] });
        const history = (await app.inject({ url: `/api/ledger/commitments/${row.id}/history` })).json();
        expect(history.at(-1)).toMatchObject({ action: 'added', actor: 'analyst' });
        expect((await app.inject({ url: `/api/facts/${res.json().id}/history` })).json()).toMatchObject([{ action: 'add', actor: 'analyst', before: null }]);
        // the selection must lie in the text, the fields must be whole and fit the type, the article must exist
        expect((await add({ end: text.length + 5 })).json().error).toMatchObject({ code: 'VALIDATION', fields: [{ field: 'end' }] });
        expect((await add({ fields: { donor: 'SE' } })).statusCode).toBe(400);
        expect((await add({ fields: { ...fields, status: 'promised' } })).json().error.fields[0].field).toBe('fields.status');
        expect((await add({ type: 'rumour' })).statusCode).toBe(400);
        expect((await app.inject({ method: 'POST', url: '/api/articles/999999/facts', payload: { type: 'country', start: 0, end: 3, actor: 'a', fields: { code: 'SE', mentions: 1 } } })).statusCode).toBe(404);
      });

      it('POST /api/ledger/commitments/:id/merge and /split correct a fold by hand, logged on the rows', async () => {
        const ingest = (text: string, published: string) => app.inject({ method: 'POST', url: '/api/articles', payload: { text, published } });
        await ingest('Iceland will provide €10 million to Ukraine for winter fuel.', '2025-03-01');
        await ingest('Iceland will provide €12 million to Ukraine for generators.', '2025-03-03');
        const rows = (await app.inject({ url: '/api/ledger/commitments?donor=IS&sort=amount&dir=asc' })).json();
        expect(rows.map((r: { amount: number }) => r.amount)).toEqual([10e6, 12e6]);
        const [ten, twelve] = rows;
        // the analyst judges them one package: merged, the row has both sources and the largest figure
        const merged = await app.inject({ method: 'POST', url: `/api/ledger/commitments/${twelve.id}/merge`, payload: { into: ten.id, actor: 'analyst' } });
        expect(merged.statusCode).toBe(200);
        expect(merged.json()).toMatchObject({ id: ten.id, amount: 12e6, sources: [{}, {}] });
        expect((await app.inject({ url: '/api/ledger/commitments?donor=IS' })).json()).toHaveLength(1);
        const history = (await app.inject({ url: `/api/ledger/commitments/${ten.id}/history` })).json();
        expect(history.find((h: { action: string }) => h.action === 'merged')).toMatchObject({ actor: 'analyst', detail: { from: twelve.id, row: { amount: 12e6 } } });
        // the merged row's own history came along
        expect(history.filter((h: { action: string }) => h.action === 'created')).toHaveLength(2);
        // and split again: the €12 million source becomes a row of its own
        const source = merged.json().sources.find((x: { evidence: string }) => x.evidence.includes('12 million'));
        const split = await app.inject({ method: 'POST', url: `/api/ledger/commitments/${ten.id}/split`, payload: { factId: source.factId, actor: 'analyst' } });
        expect(split.statusCode).toBe(201);
        expect(split.json()).toMatchObject({ donor: 'IS', amount: 12e6, sources: [{ factId: source.factId }] });
        const after = (await app.inject({ url: '/api/ledger/commitments?donor=IS&sort=amount&dir=asc' })).json();
        expect(after.map((r: { amount: number; sources: unknown[] }) => [r.amount, r.sources.length])).toEqual([[10e6, 1], [12e6, 1]]);
        expect((await app.inject({ url: `/api/ledger/commitments/${split.json().id}/history` })).json().at(-1)).toMatchObject({ action: 'split', actor: 'analyst', detail: { from: ten.id } });
        // what cannot be done is refused with the reason
        const only = after[0].sources[0].factId;
        expect((await app.inject({ method: 'POST', url: `/api/ledger/commitments/${after[0].id}/split`, payload: { factId: only, actor: 'a' } })).json().error).toMatchObject({ code: 'VALIDATION', fields: [{ field: 'body.factId' }] });
        expect((await app.inject({ method: 'POST', url: `/api/ledger/commitments/${after[0].id}/split`, payload: { factId: 999999, actor: 'a' } })).statusCode).toBe(404);
        expect((await app.inject({ method: 'POST', url: `/api/ledger/commitments/${after[0].id}/merge`, payload: { into: after[0].id, actor: 'a' } })).statusCode).toBe(400);
        expect((await app.inject({ method: 'POST', url: `/api/ledger/commitments/${after[0].id}/merge`, payload: { into: 999999, actor: 'a' } })).statusCode).toBe(404);
      });

      it('DELETE /api/articles/:id takes an article out of lists, search and the ledger, and logs who did it and why', async () => {
        const posted = (await app.inject({ method: 'POST', url: '/api/articles', payload: { text: 'Andorra will give €7 million to Ukraine for drones, its foreign minister said.', published: '2025-06-01' } })).json();
        expect((await app.inject({ url: '/api/ledger/commitments?donor=AD' })).json()).toHaveLength(1);
        const res = await app.inject({ method: 'DELETE', url: `/api/articles/${posted.id}`, payload: { actor: 'analyst', reason: 'a satire site' } });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({ id: posted.id, deleted: { by: 'analyst', reason: 'a satire site', at: expect.any(String) } });
        expect(res.json().facts.every((f: { reviewStatus: string }) => f.reviewStatus === 'deleted')).toBe(true);
        expect((await app.inject({ url: '/api/ledger/commitments?donor=AD' })).json()).toEqual([]);
        expect((await app.inject({ url: '/api/articles?limit=200' })).json().items.map((a: { id: number }) => a.id)).not.toContain(posted.id);
        expect((await app.inject({ url: '/api/search?q=Andorra%20drones' })).json().map((h: { articleId: number }) => h.articleId)).not.toContain(posted.id);
        expect((await app.inject({ url: `/api/facts/${res.json().facts[0].id}/history` })).json().at(-1)).toMatchObject({ action: 'article deleted', actor: 'analyst', after: { status: 'deleted', reason: 'a satire site' } });
        // still there to read, marked; a second deletion, a missing article and a missing actor are refused
        expect((await app.inject({ url: `/api/articles/${posted.id}` })).json().deleted).toMatchObject({ by: 'analyst' });
        expect((await app.inject({ method: 'DELETE', url: `/api/articles/${posted.id}`, payload: { actor: 'analyst' } })).statusCode).toBe(404);
        expect((await app.inject({ method: 'DELETE', url: '/api/articles/999999', payload: { actor: 'analyst' } })).statusCode).toBe(404);
        expect((await app.inject({ method: 'DELETE', url: `/api/articles/${posted.id}`, payload: {} })).statusCode).toBe(400);
        expect((await app.inject({ method: 'POST', url: `/api/articles/${posted.id}/facts`, payload: { type: 'country', start: 0, end: 7, actor: 'a', fields: { code: 'AD', mentions: 1 } } })).statusCode).toBe(404);
      });

      it('POST /api/facts/:id/review with copies accepts a story at once: every report folded into the row, the same quote in each wire copy', async () => {
        const [row] = (await app.inject({ url: '/api/ledger/commitments?donor=FI' })).json();
        const sourceFacts = await store.db.selectFrom('commitment_sources').innerJoin('facts', 'facts.id', 'commitment_sources.fact_id').select(['facts.id', 'facts.review_status']).where('ledger_id', '=', row.id).execute();
        const pending = sourceFacts.filter((f) => f.review_status === 'pending').map((f) => f.id);
        expect(pending.length).toBeGreaterThan(2);
        const res = await app.inject({ method: 'POST', url: `/api/facts/${pending[0]}/review`, payload: { action: 'accept', actor: 'analyst', copies: true } });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({ id: pending[0], reviewStatus: 'accepted' });
        expect([...res.json().copies].sort()).toEqual(pending.slice(1).sort());
        const after = await store.db.selectFrom('facts').select('review_status').where('id', 'in', pending).execute();
        expect(after.every((f) => f.review_status === 'accepted')).toBe(true);
        expect((await app.inject({ url: `/api/facts/${pending[1]}/history` })).json().at(-1)).toMatchObject({ action: 'accept', actor: 'analyst', after: { acceptedWith: pending[0] } });
        // a quote: the same words in the other copies of the wire story
        const quote = await store.db
          .selectFrom('facts as q').innerJoin('articles as a', 'a.id', 'q.article_id').innerJoin('articles as b', 'b.story_id', 'a.story_id').innerJoin('facts as c', 'c.article_id', 'b.id')
          .select(['q.id']).where('q.type', '=', 'quote').where('q.review_status', '=', 'pending').whereRef('c.data', '=', 'q.data').whereRef('c.id', '!=', 'q.id').where('c.review_status', '=', 'pending')
          .executeTakeFirstOrThrow();
        const quoted = (await app.inject({ method: 'POST', url: `/api/facts/${quote.id}/review`, payload: { action: 'accept', actor: 'analyst', copies: true } })).json();
        expect(quoted.copies.length).toBeGreaterThan(0);
        // without copies, one fact alone
        const lone = await store.db.selectFrom('facts').select('id').where('review_status', '=', 'pending').where('type', '=', 'country').executeTakeFirstOrThrow();
        expect((await app.inject({ method: 'POST', url: `/api/facts/${lone.id}/review`, payload: { action: 'accept', actor: 'analyst' } })).json().copies).toEqual([]);
      });

      it('GET /api/facts orders the queue by the EUR at stake, by the newest article or by the fields guessed', async () => {
        const byEur = (await app.inject({ url: '/api/facts?type=commitment&order=eur&limit=500' })).json();
        const rows = (await app.inject({ url: '/api/ledger/commitments?limit=1000' })).json();
        const eurOf = new Map<number, number | null>();
        for (const r of rows) for (const src of r.sources) eurOf.set(src.factId, r.eur);
        const eurs = byEur.items.map((f: { id: number }) => eurOf.get(f.id) ?? null);
        const valued = eurs.filter((e: number | null) => e !== null);
        expect(valued.length).toBeGreaterThan(3);
        expect(valued).toEqual([...valued].sort((a: number, b: number) => b - a));
        // facts in no row (rejected, or not folded) come last
        expect(eurs.slice(valued.length).every((e: number | null) => e === null)).toBe(true);
        const newest = (await app.inject({ url: '/api/facts?type=commitment&order=newest&limit=2' })).json();
        expect(newest.nextCursor).toBeNull();
        expect(newest.nextOffset).toBe(2);
        const published = await store.db.selectFrom('articles').select(['id', 'published']).execute();
        const dateOf = new Map(published.map((a) => [a.id, a.published]));
        const [first, second] = newest.items.map((f: { articleId: number }) => dateOf.get(f.articleId) ?? '');
        expect(first >= second).toBe(true);
        // most guessed first: the rules that took a default or an earlier sentence's party counted
        const uncertain = (await app.inject({ url: '/api/facts?type=commitment&status=pending&order=uncertain&limit=500' })).json().items;
        const guessed = uncertain.map((f: { data: { rules: unknown } }) => guessedFields(f.data.rules));
        expect(guessed).toEqual([...guessed].sort((a: number, b: number) => b - a));
        expect(guessed[0]).toBeGreaterThan(guessed[guessed.length - 1]);
        expect((await app.inject({ url: '/api/facts?order=loudest' })).statusCode).toBe(400);
      });

      it('GET /api/export/commitments.(csv|json|xlsx)', async () => {
        const csv = await app.inject({ url: '/api/export/commitments.csv?donor=FI' });
        expect(csv.headers['content-type']).toMatch(/text\/csv/);
        expect(csv.body.split('\r\n')[0]).toMatch(/^donor,recipient,announced/);
        expect((await app.inject({ url: '/api/export/commitments.json' })).json().length).toBeGreaterThan(0);
        expect((await app.inject({ url: '/api/export/commitments.xlsx' })).rawPayload.subarray(0, 2).toString()).toBe('PK');
        expect((await app.inject({ url: '/api/export/commitments.pdf' })).statusCode).toBe(400);
      });

      it('GET /api/persons/:id gives roles, quotes and meetings; 404 and 400 otherwise', async () => {
        const person = await store.db.selectFrom('persons').select('id').where('name', '=', 'Aino Laakso').executeTakeFirstOrThrow();
        const res = (await app.inject({ url: `/api/persons/${person.id}` })).json();
        expect(res).toMatchObject({ name: 'Aino Laakso', roles: expect.arrayContaining(['Defence Minister']) });
        expect(res.quotes.length).toBeGreaterThan(0);
        expect((await app.inject({ url: '/api/persons/999999' })).statusCode).toBe(404);
        expect((await app.inject({ url: '/api/persons/x' })).statusCode).toBe(400);
      });

      it('GET /api/persons and /api/organizations list by name', async () => {
        expect((await app.inject({ url: '/api/persons?q=Laak' })).json()).toEqual([expect.objectContaining({ name: 'Aino Laakso', role: 'Defence Minister', country: 'FI' })]);
        // the lexicon's bodies are listed once an article names them; all=true lists every one
        const posted = await app.inject({ method: 'POST', url: '/api/articles', payload: { text: 'BRUSSELS - NATO will send 40 generators to Ukraine, the alliance said on Friday.' } });
        expect(posted.statusCode).toBe(201);
        const named = (await app.inject({ url: '/api/organizations?limit=500' })).json();
        expect(named.map((o: { name: string }) => o.name)).toContain('NATO');
        expect(named.every((o: { articles: number }) => o.articles > 0)).toBe(true);
        expect(named[0].members).toBeGreaterThanOrEqual(named[named.length - 1].members);
        const all = (await app.inject({ url: '/api/organizations?limit=500&all=true' })).json();
        expect(all.length).toBeGreaterThan(named.length);
        expect(all.some((o: { kind: string; articles: number }) => o.kind === 'media' && o.articles === 0)).toBe(true);
        const orgs = (await app.inject({ url: '/api/organizations?q=NB8&all=true' })).json();
        expect(orgs).toEqual([expect.objectContaining({ name: 'Nordic-Baltic Eight', members: 8 })]);
      });

      it('GET /api/organizations/:id gives members and the commitments made through it', async () => {
        const org = await store.db.selectFrom('organizations').select('id').where('name', '=', 'Nordic-Baltic Eight').executeTakeFirstOrThrow();
        const res = (await app.inject({ url: `/api/organizations/${org.id}` })).json();
        expect(res.members.map((m: { country: string }) => m.country)).toContain('FI');
        // Finland's pledge is stated without the NB8: a member's, not the group's
        expect(res.commitments.some((c: { donor: string }) => c.donor === 'FI')).toBe(false);
        await app.inject({ method: 'POST', url: '/api/articles', payload: { text: 'Finland will give EUR 5 million to Ukraine through the Nordic-Baltic Eight, its foreign minister said.', published: '2025-05-02' } });
        const through = (await app.inject({ url: `/api/organizations/${org.id}` })).json().commitments;
        expect(through).toEqual([expect.objectContaining({ donor: 'FI', amount: 5e6 })]);
        expect((await app.inject({ url: '/api/organizations/999999' })).statusCode).toBe(404);
      });

      it('GET /api/search finds articles and quotes', async () => {
        const hits = (await app.inject({ url: '/api/search?q=air%20defence' })).json();
        expect(hits.some((h: { kind: string }) => h.kind === 'article')).toBe(true);
        expect(hits.some((h: { kind: string }) => h.kind === 'quote')).toBe(true);
        const quote = hits.find((h: { kind: string }) => h.kind === 'quote');
        expect(quote).toMatchObject({ source: expect.any(String), published: expect.stringMatching(/^2025-/) });
        expect(quote.marks.map(([a, b]: [number, number]) => quote.snippet.slice(a, b).toLowerCase())).toEqual(expect.arrayContaining(['air', 'defence']));
        // a quote found by its speaker's name; the wire copies of one quote are one result
        const bySpeaker = (await app.inject({ url: '/api/search?q=Laakso' })).json().filter((h: { kind: string }) => h.kind === 'quote');
        expect(bySpeaker.length).toBeGreaterThan(0);
        expect(bySpeaker.every((h: { speaker: string }) => h.speaker === 'Aino Laakso')).toBe(true);
        const keys = bySpeaker.map((h: { speaker: string; snippet: string }) => `${h.speaker}|${h.snippet.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()}`);
        expect(new Set(keys).size).toBe(keys.length);
        expect(bySpeaker.some((h: { copies: number }) => h.copies > 0)).toBe(true);
        expect((await app.inject({ url: '/api/search?q=zzzyxq' })).json()).toEqual([]);
        expect((await app.inject({ url: '/api/search?q=a' })).statusCode).toBe(400);
      });

      it('GET /api/ingest/failures lists what could not be stored and what was refused as not English; a retry counts again or stores it', async () => {
        await app.inject({ method: 'POST', url: '/api/articles', payload: { text: 'Le gouvernement français a annoncé jeudi une nouvelle aide de cinquante millions d’euros destinée à la reconstruction des écoles et des hôpitaux en Ukraine, a déclaré le ministre des affaires étrangères lors d’une conférence de presse à Paris.' } });
        const listed = (await app.inject({ url: '/api/ingest/failures' })).json();
        const refusedUrl = listed.failures.find((f: { label: string }) => f.label === 'http://127.0.0.1:1/a');
        expect(refusedUrl).toMatchObject({ hasText: false, reason: expect.stringMatching(/loopback/), attempts: 1 });
        expect(listed.failures.some((f: { hasText: boolean; reason: string }) => f.hasText && f.reason.length > 0)).toBe(true);
        expect(listed.refused).toEqual([expect.objectContaining({ language: null, articleId: expect.any(Number) })]);
        // the address is refused again (no request is sent): the same entry, one attempt more
        const again = await app.inject({ method: 'POST', url: `/api/ingest/failures/${refusedUrl.id}/retry` });
        expect(again.statusCode).toBe(422);
        expect((await app.inject({ url: '/api/ingest/failures' })).json().failures.find((f: { id: number }) => f.id === refusedUrl.id).attempts).toBe(2);
        // an input whose cause is gone is stored by its retry, and leaves the list
        await recordFailure(store.db, { label: 'a timed-out article', url: null, input: { text: 'Latvia will send 12 drones to Ukraine.', published: '2025-06-01' }, reason: 'extraction timed out' }, new Date());
        const timedOut = (await app.inject({ url: '/api/ingest/failures' })).json().failures.find((f: { label: string }) => f.label === 'a timed-out article');
        const retried = await app.inject({ method: 'POST', url: `/api/ingest/failures/${timedOut.id}/retry` });
        expect(retried.json()).toMatchObject({ status: 'ingested', articleId: expect.any(Number) });
        expect((await app.inject({ url: '/api/ingest/failures' })).json().failures.some((f: { id: number }) => f.id === timedOut.id)).toBe(false);
        expect((await app.inject({ method: 'POST', url: `/api/ingest/failures/${timedOut.id}/retry` })).statusCode).toBe(404);
      });

      it('documents every route in OpenAPI and answers unknown routes with the catalog', async () => {
        const doc = (await app.inject({ url: '/docs/json' })).json();
        expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/ledger/commitments', '/api/ledger/summary', '/api/articles', '/api/articles/{id}', '/api/facts', '/api/facts/{id}/review', '/api/facts/{id}/history', '/api/export/commitments.{format}', '/api/persons/{id}', '/api/organizations/{id}', '/api/search']));
        expect((await app.inject({ url: '/api/nowhere' })).json()).toEqual({ error: { code: 'NOT_FOUND', message: 'not found' } });
      });
    });

    describe('with tokens', () => {
      let viewer: string;
      let reviewer: string;
      beforeAll(async () => {
        viewer = await createToken(store.db, 'v', 'viewer');
        reviewer = await createToken(store.db, 'r', 'reviewer');
      });
      const auth = (t: string) => ({ authorization: `Bearer ${t}` });

      it('answers 401 without a token or with an unknown one', async () => {
        expect((await app.inject({ url: '/api/ledger/commitments' })).json().error.code).toBe('UNAUTHORIZED');
        expect((await app.inject({ url: '/api/articles', headers: auth('pw_nope') })).statusCode).toBe(401);
        expect((await app.inject({ method: 'POST', url: '/api/articles', payload: { text: ARTICLE } })).statusCode).toBe(401);
      });

      it('lets viewers read and forbids them to write', async () => {
        expect((await app.inject({ url: '/api/ledger/summary?by=category', headers: auth(viewer) })).statusCode).toBe(200);
        const write = await app.inject({ method: 'POST', url: '/api/facts/1/review', headers: auth(viewer), payload: { action: 'accept', actor: 'v' } });
        expect(write.statusCode).toBe(403);
        expect(write.json().error.code).toBe('FORBIDDEN');
        expect((await app.inject({ method: 'POST', url: '/api/articles', headers: auth(viewer), payload: { text: ARTICLE } })).statusCode).toBe(403);
      });

      it('asks every route for a token, and forbids every write to viewers', async () => {
        const reads = ['/api/ledger/commitments', '/api/ledger/summary?by=donor', '/api/articles', '/api/articles/1', '/api/facts', '/api/facts/1/history',
          '/api/persons/1', '/api/organizations/1', '/api/persons', '/api/organizations', '/api/search?q=defence', '/api/export/commitments.csv'];
        for (const url of reads) {
          expect((await app.inject({ url })).statusCode, url).toBe(401);
          expect((await app.inject({ url, headers: auth(viewer) })).statusCode, url).toBe(200);
        }
        const writes: Array<[string, object]> = [['/api/articles', { text: ARTICLE }], ['/api/facts/1/review', { action: 'accept', actor: 'v' }], ['/api/tokens', { role: 'viewer', name: 'x' }]];
        for (const [url, payload] of writes) {
          expect((await app.inject({ method: 'POST', url, payload })).statusCode, url).toBe(401);
          expect((await app.inject({ method: 'POST', url, payload, headers: auth(viewer) })).statusCode, url).toBe(403);
        }
      });

      it('lets reviewers review and ingest', async () => {
        expect((await app.inject({ method: 'POST', url: '/api/facts/1/review', headers: auth(reviewer), payload: { action: 'reject', actor: 'r' } })).statusCode).toBe(200);
        expect((await app.inject({ method: 'POST', url: '/api/articles', headers: auth(reviewer), payload: { text: `${ARTICLE} Again.` } })).statusCode).toBe(201);
      });
    });
  });
}

describe('the built workbench', () => {
  it('is served at / with a policy that runs only its own scripts', async () => {
    const webRoot = mkdtempSync(join(tmpdir(), 'pw-web-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><div id="root"></div>');
    const store = await freshStore(DIALECTS[0].url());
    const app = await buildApp({ store, webRoot });
    try {
      const page = await app.inject({ url: '/' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('id="root"');
      expect(page.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
      expect(page.headers['cache-control']).toBe('no-cache');
      expect((await app.inject({ url: '/api/nowhere' })).json().error.code).toBe('NOT_FOUND');
    } finally {
      await app.close();
      await store.close();
      rmSync(webRoot, { recursive: true, force: true });
    }
  });
});

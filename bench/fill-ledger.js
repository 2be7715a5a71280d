// A skewed ledger of 100,000 commitments for the query, load and page benchmarks, shaped as real
// ledgers are: a few donors hold most rows (Zipf: the largest about a fifth), each row has one to
// six sources in articles at their own addresses, with evidence sentences of news length, and
// categories, stages, periods and dates mixed. Statistics are refreshed afterwards, as a bulk
// ingest does.
import { analyze } from '../dist/store/dialects/index.js';

export const N = 100_000;
export const DONORS = ['US', 'DE', 'GB', 'EU', 'NL', 'DK', 'SE', 'PL', 'FR', 'CA', 'NO', 'JP', 'FI', 'IT', 'BE', 'LT', 'EE', 'LV', 'CZ', 'ES',
  'AU', 'AT', 'PT', 'SK', 'RO', 'HR', 'SI', 'IE', 'GR', 'LU', 'IS', 'BG', 'KR', 'NZ', 'CH', 'TR', 'AL', 'MK', 'ME', 'MT'];
const CATEGORIES = ['military', 'military', 'financial', 'financial', 'humanitarian', 'reconstruction', 'energy'];
const STATUSES = ['pledged', 'pledged', 'pledged', 'delivered', 'planned', 'ready'];
const PERIODS = ['one-off', 'one-off', 'one-off', 'multi-year', 'annual', null];
const ARTICLES = 25_000;

/** A deterministic generator, so that every run and every database holds the same ledger. */
function random(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Donor weights 1/rank: the largest donor has about a fifth of the rows, the median one about 1 %. */
const weights = DONORS.map((_, i) => 1 / (i + 1));
const total = weights.reduce((a, b) => a + b, 0);
const cumulative = weights.map((_, i) => weights.slice(0, i + 1).reduce((a, b) => a + b, 0) / total);
export const donorShare = (donor) => weights[DONORS.indexOf(donor)] / total;
/** The donors by rows, largest first: [0] is the largest, [DONORS.length / 2] a median one. */
export const LARGEST_DONOR = DONORS[0];
export const MEDIAN_DONOR = DONORS[DONORS.length / 2];

const evidenceOf = (donor, amount, n) =>
  `${donor} officials said on ${['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'][n % 5]} that the government would provide a package worth ${amount.toLocaleString('en')} to Ukraine, ` +
  `including support for air defence, demining and the repair of energy infrastructure damaged in the latest strikes (report ${n}).`;

async function insertAll(db, table, rows, returning) {
  const ids = [];
  for (let i = 0; i < rows.length; i += 400) {
    const q = db.insertInto(table).values(rows.slice(i, i + 400));
    if (returning) ids.push(...(await q.returning('id').execute()).map((r) => r.id));
    else await q.execute();
  }
  return ids;
}

/** Adds the ledger to the store: 25,000 articles, about 250,000 source facts, 100,000 rows. */
export async function fillLedger(store) {
  const db = store.db;
  const next = random(42);
  const now = new Date().toISOString();
  const articleIds = await insertAll(db, 'articles', Array.from({ length: ARTICLES }, (_, i) => ({
    content_hash: `bench-${i}`, canonical_url: `https://news${i % 50}.example.org/a/${i}`, url: `https://news${i % 50}.example.org/a/${i}`, source: `news${i % 50}.example.org`,
    title: `Support package ${i}`, published: `20${22 + (i % 4)}-${String(1 + (i % 12)).padStart(2, '0')}-15`, language: 'en', place: null,
    text: evidenceOf('The', i, i), extractor_version: 'bench', story_id: null, signature: '[]', ingested_at: now,
  })), true);
  await insertAll(db, 'article_locations', articleIds.map((id, i) => ({ article_id: id, url: `https://news${i % 50}.example.org/a/${i}`, canonical_url: `https://news${i % 50}.example.org/a/${i}`, source: `news${i % 50}.example.org`, seen_at: now })));
  for (let i = 0; i < N; i += 2000) {
    const rows = [];
    const reports = [];
    for (let k = i; k < Math.min(N, i + 2000); k++) {
      const u = next();
      const donor = DONORS[cumulative.findIndex((c) => u <= c)];
      const year = 2022 + Math.floor(next() * 4);
      const announced = `${year}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
      const amount = Math.round(1e6 * (1 + next() * 999));
      const status = STATUSES[Math.floor(next() * STATUSES.length)];
      rows.push({
        donor, recipient: 'UA', amount, unit: 'EUR', period: PERIODS[Math.floor(next() * PERIODS.length)], category: CATEGORIES[Math.floor(next() * CATEGORIES.length)],
        status, item: null, announced, announced_precision: 'day', updated_at: now, year, eur: amount, gdp_share: amount / 4e12 * 100, valuation: 'reported',
        delivered: status === 'delivered' ? amount : null, delivered_on: status === 'delivered' ? announced : null,
      });
      reports.push({ donor, amount, announced, status, sources: 1 + Math.floor(next() * next() * 6) });
    }
    const ledgerIds = await insertAll(db, 'ledger_commitments', rows, true);
    const facts = [];
    const sources = [];
    reports.forEach((r, k) => {
      for (let s = 0; s < r.sources; s++) {
        const article = articleIds[Math.floor(next() * articleIds.length)];
        facts.push({ article_id: article, type: 'commitment', data: '{}', start: 0, end: 100, evidence: evidenceOf(r.donor, r.amount, i + k), rule: 'bench', extractor_version: 'bench' });
        sources.push({ ledger_id: ledgerIds[k], article_id: article, stage: r.status, amount: r.amount, announced: r.announced, announced_precision: 'day' });
      }
    });
    const factIds = await insertAll(db, 'facts', facts, true);
    await insertAll(db, 'commitment_sources', sources.map((s, j) => ({ ...s, fact_id: factIds[j] })));
  }
  await analyze(db);
}

// A ledger of 100,000 commitments for the query and load benchmarks.
export const N = 100_000;
export const DONORS = ['LT', 'LV', 'EE', 'PL', 'DE', 'FR', 'DK', 'SE', 'NO', 'FI', 'CA', 'JP', 'NL', 'BE', 'ES', 'IT', 'CZ', 'PT', 'GB', 'US',
  'AT', 'IE', 'SK', 'SI', 'HR', 'RO', 'BG', 'GR', 'LU', 'IS', 'AU', 'NZ', 'KR', 'CH', 'TR', 'HU', 'AL', 'MK', 'ME', 'MT'];

/** Adds 100,000 ledger commitments, each with one source fact, to the store. */
export async function fillLedger(store) {
  const now = new Date().toISOString();
  const article = await store.db
    .insertInto('articles')
    .values({ content_hash: `bench-${Date.now()}`, canonical_url: null, url: 'https://generated.example.org/bench', source: null, title: null, published: '2024-01-01', language: 'en', place: null, text: 'bench', extractor_version: 'bench', story_id: null, signature: '[]', ingested_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (let i = 0; i < N; i += 500) {
    const size = Math.min(500, N - i);
    const facts = await store.db
      .insertInto('facts')
      .values(Array.from({ length: size }, (_, k) => ({ article_id: article.id, type: 'commitment', data: '{}', start: 0, end: 5, evidence: `pledge ${i + k}`, rule: 'bench', extractor_version: 'bench' })))
      .returning('id')
      .execute();
    const ledger = await store.db
      .insertInto('ledger_commitments')
      .values(Array.from({ length: size }, (_, k) => {
        const n = i + k;
        return { donor: DONORS[n % DONORS.length], recipient: 'UA', amount: 1e6 * (1 + (n % 500)), unit: 'EUR', period: 'one-off', category: 'military', status: 'pledged', item: null, announced: `20${22 + (n % 4)}-${String(1 + (n % 12)).padStart(2, '0')}-15`, updated_at: now };
      }))
      .returning('id')
      .execute();
    await store.db.insertInto('commitment_sources').values(ledger.map((l, k) => ({ ledger_id: l.id, fact_id: facts[k].id, article_id: article.id }))).execute();
  }
}


import { parseArgs } from 'node:util';
import { DEMO_CORPUS, loadDemoCorpus } from '../ingest/demo.js';
import { ledgerRows } from '../ledger/query.js';
import { fail, money, storeFromOption } from './common.js';

/** Loads the demo articles into the default database and shows the ledger they make. */
export async function runDemoCommand(args: string[]): Promise<number> {
  let values;
  try {
    values = parseArgs({ args, options: { db: { type: 'string' } } }).values;
  } catch (err) {
    return fail('demo', (err as Error).message);
  }
  const store = await storeFromOption(values.db, 'demo');
  if (!store) return 1;
  try {
    const { articles, ingested } = await loadDemoCorpus(store);
    process.stdout.write(`demo: ${articles} articles from ${DEMO_CORPUS} (${ingested} new)\n\n`);
    for (const r of await ledgerRows(store.db)) {
      const amount = r.amount === null ? 'unquantified' : `${r.amount.toLocaleString('en')} ${r.unit ?? ''}`.trim();
      const eur = r.eur === null ? '' : ` ${r.valuation === 'estimate' ? '≈ ' : ''}${money(r.eur)}`;
      process.stdout.write(`${r.donor ?? '?'} → ${r.recipient ?? '?'}  ${amount}${eur}  ${r.category}, ${r.status}  (${r.sources.length} source${r.sources.length === 1 ? '' : 's'})\n`);
      process.stdout.write(`    "${r.sources[0]?.evidence ?? ''}"\n`);
    }
    process.stdout.write(`\nNext: npx pledgewatch ledger --donor FI · npx pledgewatch export commitments --format csv > ledger.csv\n`);
    return 0;
  } finally {
    await store.close();
  }
}

// npm run bench:extract — extraction throughput on one core, side by side with a bare
// wink-nlp pass (readDoc + sentences + part of speech + entities) over the same texts,
// and the cost of long articles (it must grow linearly with length).
import { runPipeline } from '../dist/pipeline/run-pipeline.js';
import { bareWinkPass } from '../dist/nlp/index.js';
import { articlesOfSize, longArticle } from './articles.js';

const articles = articlesOfSize(200, 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const extract = (text) => runPipeline({ text, published: '2025-06-04' });

function round(fn) {
  const t = process.hrtime.bigint();
  for (const a of articles) fn(a);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

// warm up both, then alternate rounds so both passes see the same machine state
round(bareWinkPass);
round(extract);
const ms = { bare: 0, extract: 0 };
for (let r = 0; r < ROUNDS; r++) {
  ms.bare += round(bareWinkPass);
  ms.extract += round(extract);
}
const rate = (total) => (articles.length * ROUNDS) / (total / 1000);
const meanLength = Math.round(articles.reduce((n, a) => n + a.length, 0) / articles.length);
console.log(`articles: ${articles.length} × ${ROUNDS} rounds, mean ${meanLength} characters, one core`);
console.log(`bare wink-nlp pass:   ${rate(ms.bare).toFixed(0)} articles/s`);
console.log(`pledgewatch extract:  ${rate(ms.extract).toFixed(0)} articles/s  (${((100 * ms.bare) / ms.extract).toFixed(0)} % of the bare pass; target ≥ 50 %)`);

for (const size of [250_000, 500_000, 1_000_000]) {
  const text = longArticle(size);
  const t = process.hrtime.bigint();
  const facts = extract(text);
  const took = Number(process.hrtime.bigint() - t) / 1e6;
  console.log(`one ${(size / 1e6).toFixed(2)} MB article: ${took.toFixed(0)} ms (${(took / (size / 1e6)).toFixed(0)} ms per MB, ${facts.commitments.length} commitments)`);
}

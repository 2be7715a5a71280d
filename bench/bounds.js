// npm run bench:bounds — extraction stays linear and the server stays responsive, measured as a
// user meets them: whole `pledgewatch` processes on real article texts from the dev corpus
// (../shared/corpus/dev, read at run time, never copied), and a server on a free port.
//   1. one real article repeated as paragraphs 1×, 10× and 100×, the same total characters in
//      each run (100 lines of 1×, 10 of 10×, 1 of 100×) through `extract --jsonl`: the cost per
//      character must differ by less than 3×;
//   2. a one-million-character single sentence of many clauses with amounts through `extract`;
//   3. GET /api/ledger/summary (a random `since`, so no cache answers) while a 1 MB article is
//      posted to the API: latency, target under 200 ms.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devArticles } from './corpus.js';
import { startServerProcess } from './workbench.js';

const CLI = join(import.meta.dirname, '..', 'bin', 'pledgewatch.js');
const dir = mkdtempSync(join(tmpdir(), 'pw-bounds-'));
const articles = devArticles('bench:bounds');
const article = articles.reduce((a, b) => (b.text.length > a.text.length ? b : a));
const repeat = (text, times) => Array.from({ length: times }, () => text).join('\n\n');

function timeRun(args, input) {
  const t = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [CLI, ...args], { input, maxBuffer: 1e9, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pledgewatch ${args.join(' ')} failed: ${run.stderr}`);
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, stdout: run.stdout };
}

const COPIES = 1000;
const published = article.published?.slice(0, 10);
const best = (args, input) => Math.min(...[0, 1].map(() => timeRun(args, input).ms));
const startUp = best(['extract', '--jsonl'], `${JSON.stringify({ id: 'start-up', text: 'Norway will send aid.' })}\n`);
console.log(`1. one real article (${article.text.length} characters) repeated as paragraphs, ${COPIES} copies per run, extract --jsonl, best of 2; start-up alone ${startUp.toFixed(0)} ms`);
const perMb = [];
for (const times of [1, 10, 100]) {
  const line = JSON.stringify({ id: `x${times}`, published, text: repeat(article.text, times) });
  const input = `${Array.from({ length: COPIES / times }, () => line).join('\n')}\n`;
  const ms = best(['extract', '--jsonl'], input);
  const chars = (COPIES / times) * repeat(article.text, times).length;
  perMb.push((ms - startUp) / (chars / 1e6));
  console.log(`   ${String(times).padStart(3)}× (${COPIES / times} lines): ${ms.toFixed(0)} ms; without start-up ${((ms - startUp) / (chars / 1e6)).toFixed(0)} ms per million characters`);
}
console.log(`   largest / smallest cost per character: ${(Math.max(...perMb) / Math.min(...perMb)).toFixed(2)}× (target < 3×)`);

const clauses = ['Norway will give €1 million to Ukraine', 'Denmark will send 20 howitzers to Kyiv', 'Sweden said it would provide $5 million for demining', 'the Netherlands will deliver 12 tanks'];
let sentence = '';
for (let i = 0; sentence.length < 1_000_000; i++) sentence += (i ? ' and ' : '') + clauses[i % clauses.length];
writeFileSync(join(dir, 'sentence.txt'), `${sentence}.\n`);
const long = timeRun(['extract', join(dir, 'sentence.txt'), '--json']);
console.log(`2. a one-million-character sentence of many clauses: extract in ${(long.ms / 1000).toFixed(2)} s including start-up (target < 10 s), ${JSON.parse(long.stdout).commitments.length} commitments`);

const server = await startServerProcess(['--db', join(dir, 'bounds.db')]);
try {
  const big = repeat(article.text, Math.ceil(1_000_000 / (article.text.length + 2)));
  const latencies = [];
  let done = false;
  const t0 = performance.now();
  const ingest = fetch(`${server.url}api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: big, published }) })
    .then(async (res) => ({ status: res.status, facts: (await res.json()).facts?.length, ms: performance.now() - t0 }))
    .finally(() => (done = true));
  while (!done) {
    const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
    const start = performance.now();
    const res = await fetch(`${server.url}api/ledger/summary?by=donor&since=20${10 + Math.floor(Math.random() * 15)}-01-${day}`);
    await res.text();
    latencies.push(performance.now() - start);
    await new Promise((r) => setTimeout(r, 50));
  }
  const result = await ingest;
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(0);
  console.log(`3. ${big.length} characters posted (HTTP ${result.status}, ${result.facts} facts, ${(result.ms / 1000).toFixed(2)} s); meanwhile ${latencies.length} uncached summaries:`);
  console.log(`   latency median ${at(0.5)} ms, p99 ${at(0.99)} ms, worst ${at(1)} ms (target < 200 ms)`);
} finally {
  await server.stop();
}
execFileSync('rm', ['-rf', dir]);

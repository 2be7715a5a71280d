// npm run bench:extract — `pledgewatch extract --jsonl` as a user runs it, over the dev articles
// (../shared/corpus/dev, read at run time) repeated 20 times, beside two references over the same
// lines, each a whole process with its own start-up, pinned to one core, in the same run:
//   - a bare wink-nlp pass (read, sentences, part of speech, entities): target ≥ 0.50 of its throughput;
//   - the compromise-based extractor a user would write instead (../shared/eval/baseline-compromise,
//     run from this project's node_modules): target ≥ 12× its throughput.
// Best of BENCH_ROUNDS (3) for each, the runs interleaved so that all three see the same machine.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asJsonLines, devArticles } from './corpus.js';
import { best, CPU_PIN, perSecond, timeNode } from './processes.js';

const ROOT = join(import.meta.dirname, '..');
const REPEAT = Number(process.env.BENCH_REPEAT ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const dev = devArticles('bench:extract');
const input = asJsonLines(Array.from({ length: REPEAT }, () => dev).flat());
const n = dev.length * REPEAT;

const dir = mkdtempSync(join(tmpdir(), 'pw-extract-'));
const bare = join(dir, 'bare.mjs');
writeFileSync(bare, `import { createInterface } from 'node:readline';
import { bareWinkPass } from ${JSON.stringify(join(ROOT, 'dist', 'nlp', 'index.js'))};
let tokens = 0;
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) if (line.trim()) tokens += bareWinkPass(JSON.parse(line).text);
process.stdout.write(String(tokens) + '\\n');
`);
// the baseline resolves compromise, chrono-node and i18n-iso-countries from this project's devDependencies
const baselineDir = join(ROOT, 'node_modules', '.cache', 'pledgewatch-bench');
mkdirSync(baselineDir, { recursive: true });
const baseline = join(baselineDir, 'baseline-compromise.mjs');
copyFileSync(join(ROOT, '..', 'shared', 'eval', 'baseline-compromise', 'extract.mjs'), baseline);

const commands = {
  bare: [bare],
  pledgewatch: [join(ROOT, 'bin', 'pledgewatch.js'), 'extract', '--jsonl'],
  compromise: [baseline],
};
const runs = { bare: [], pledgewatch: [], compromise: [] };
for (let r = 0; r < ROUNDS; r++) for (const [name, args] of Object.entries(commands)) runs[name].push(timeNode(args, { input }).ms);
rmSync(dir, { recursive: true, force: true });

const ms = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, best(v)]));
console.log(`${n} real articles (${dev.length} dev articles × ${REPEAT}), whole processes with start-up, ${CPU_PIN ? 'pinned to one core' : 'not pinned (no taskset)'}, best of ${ROUNDS}`);
console.log(`bare wink-nlp pass:          ${ms.bare.toFixed(0)} ms  (${perSecond(n, ms.bare)} articles/s)`);
console.log(`pledgewatch extract --jsonl: ${ms.pledgewatch.toFixed(0)} ms  (${perSecond(n, ms.pledgewatch)} articles/s)`);
console.log(`compromise baseline:         ${ms.compromise.toFixed(0)} ms  (${perSecond(n, ms.compromise)} articles/s)`);
console.log(`extract / bare wink:         ${(ms.bare / ms.pledgewatch).toFixed(2)} (target ≥ 0.50)`);
console.log(`extract / compromise:        ${(ms.compromise / ms.pledgewatch).toFixed(1)}× (target ≥ 12×)`);

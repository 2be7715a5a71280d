// npm run bench:extract-jsonl — `pledgewatch extract --jsonl` as a user runs it, over the dev
// articles (../shared/corpus/dev, read at run time) repeated 20 times, beside a bare wink-nlp
// pass (read, sentences, part of speech, entities) over the same lines, each a whole process
// with its own start-up, measured in the same run; best of 3 each, interleaved.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devArticles } from './corpus.js';

const ROOT = join(import.meta.dirname, '..');
const REPEAT = Number(process.env.BENCH_REPEAT ?? 20);
const dir = mkdtempSync(join(tmpdir(), 'pw-jsonl-'));
const lines = devArticles('bench:extract-jsonl').map((a) => JSON.stringify(a));
const input = join(dir, 'dev.jsonl');
writeFileSync(input, `${Array.from({ length: REPEAT }, () => lines.join('\n')).join('\n')}\n`);
const bare = join(dir, 'bare.mjs');
writeFileSync(bare, `import { createInterface } from 'node:readline';
import { bareWinkPass } from ${JSON.stringify(join(ROOT, 'dist', 'nlp', 'index.js'))};
let tokens = 0;
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) if (line.trim()) tokens += bareWinkPass(JSON.parse(line).text);
process.stdout.write(String(tokens) + '\\n');
`);

function time(args) {
  const t = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { input: readFileSync(input), maxBuffer: 1e9 });
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed: ${run.stderr}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
}
const runs = { extract: [], bare: [] };
for (let i = 0; i < 3; i++) {
  runs.bare.push(time([bare]));
  runs.extract.push(time([join(ROOT, 'bin', 'pledgewatch.js'), 'extract', '--jsonl']));
}
const best = (xs) => Math.min(...xs);
const n = lines.length * REPEAT;
console.log(`${n} real articles (${lines.length} dev articles × ${REPEAT}), whole processes, best of 3`);
console.log(`bare wink-nlp pass:          ${best(runs.bare).toFixed(0)} ms  (${(n / (best(runs.bare) / 1000)).toFixed(0)} articles/s)`);
console.log(`pledgewatch extract --jsonl: ${best(runs.extract).toFixed(0)} ms  (${(n / (best(runs.extract) / 1000)).toFixed(0)} articles/s)`);
console.log(`extract / bare throughput:   ${(best(runs.bare) / best(runs.extract)).toFixed(2)} (issue 9 floor 0.35; issue 12 target 0.50)`);
rmSync(dir, { recursive: true, force: true });

// npm run bench:memory — peak resident memory (VmHWM) of `extract --jsonl` and of `ingest` as
// the batch grows: 10,000 and 50,000 distinct real articles (copies of the dev corpus, each with
// an address and a line of its own). Target: the larger batch within 10 % of the smaller, for
// both commands (memory flat in batch size). BENCH_SIZES=10000,50000 sets the sizes.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devArticles, distinctCopies } from './corpus.js';

const SIZES = (process.env.BENCH_SIZES ?? '10000,50000').split(',').map(Number);
const CLI = join(import.meta.dirname, '..', 'bin', 'pledgewatch.js');
const dev = devArticles('bench:memory');
const dir = mkdtempSync(join(tmpdir(), 'pw-memory-'));

/** The articles as JSON lines, written a copy at a time (never held in memory here). */
async function writeArticles(file, count) {
  const out = createWriteStream(file);
  for (let i = 0; i < count; i += 1000) {
    const lines = distinctCopies(dev, Math.min(count, i + 1000)).slice(i).map((a) => `${JSON.stringify(a)}\n`).join('');
    if (!out.write(lines)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Runs `pledgewatch ...args` (stdin from `input`, if given) and samples its peak resident memory. */
async function peakOf(args, input) {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [CLI, ...args], { stdio: [input ? 'pipe' : 'ignore', 'ignore', 'inherit'] });
  let peakKb = 0;
  const sample = () => {
    try {
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
    } catch {
      // the process has ended
    }
  };
  const timer = setInterval(sample, 100);
  if (input) (await import('node:fs')).createReadStream(input).pipe(child.stdin);
  const [code] = await once(child, 'exit');
  clearInterval(timer);
  if (code !== 0) throw new Error(`pledgewatch ${args.join(' ')} exited with ${code}`);
  return { mb: peakKb / 1024, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

try {
  const peaks = { extract: [], ingest: [] };
  for (const size of SIZES) {
    const file = join(dir, `articles-${size}.jsonl`);
    await writeArticles(file, size);
    const extract = await peakOf(['extract', '--jsonl'], file);
    const ingest = await peakOf(['ingest', file, '--db', join(dir, `ingest-${size}.db`), '--json']);
    rmSync(file);
    peaks.extract.push(extract.mb);
    peaks.ingest.push(ingest.mb);
    console.log(`${size} articles: extract --jsonl peak ${extract.mb.toFixed(0)} MB (${(size / extract.seconds).toFixed(0)} articles/s), ingest peak ${ingest.mb.toFixed(0)} MB (${(size / ingest.seconds).toFixed(0)} articles/s)`);
  }
  for (const [command, mbs] of Object.entries(peaks)) {
    console.log(`${command}: ${SIZES.at(-1)} articles / ${SIZES[0]} articles peak = ${(mbs.at(-1) / mbs[0]).toFixed(2)} (target within 10 %: ≤ 1.10)`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

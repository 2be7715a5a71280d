// npm run bench:memory — extracts 10,000 articles in one `extract --jsonl` run, feeding
// them as a stream, and reports the peak resident memory of that process (target < 400 MB).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { articlesOfSize } from './articles.js';

const COUNT = Number(process.env.BENCH_ARTICLES ?? 10_000);
const CLI = join(import.meta.dirname, '..', 'bin', 'pledgewatch.js');
const texts = articlesOfSize(200, 2000);

const child = spawn(process.execPath, [CLI, 'extract', '--jsonl'], { stdio: ['pipe', 'pipe', 'inherit'] });
let peakKb = 0;
const sample = () => {
  try {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
    if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
  } catch {
    // the process has ended
  }
};
const timer = setInterval(sample, 200);

let lines = 0;
let buffered = '';
child.stdout.on('data', (chunk) => {
  buffered += chunk;
  const parts = buffered.split('\n');
  buffered = parts.pop() ?? '';
  lines += parts.length;
});

const started = process.hrtime.bigint();
for (let i = 0; i < COUNT; i++) {
  const line = `${JSON.stringify({ id: `a${i}`, published: '2025-06-04', text: texts[i % texts.length] })}\n`;
  if (!child.stdin.write(line)) await once(child.stdin, 'drain');
}
child.stdin.end();
sample();
const [code] = await once(child, 'exit');
clearInterval(timer);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(`articles: ${COUNT}, output lines: ${lines}, exit code: ${code}`);
console.log(`peak resident memory of extract --jsonl: ${(peakKb / 1024).toFixed(0)} MB (target < 400 MB)`);
console.log(`wall time: ${seconds.toFixed(1)} s (${(COUNT / seconds).toFixed(0)} articles/s end to end, start-up included)`);

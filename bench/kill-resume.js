// npm run bench:kill — `kill -9` of an ingest of 10,000 real articles (distinct copies of the dev
// corpus) half-way, then the same command again: every article must be stored exactly once, and
// none half-stored.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { asJsonLines, devArticles, distinctCopies } from './corpus.js';

const N = Number(process.env.BENCH_ARTICLES ?? 10_000);
const CLI = join(import.meta.dirname, '..', 'bin', 'pledgewatch.js');
const dir = mkdtempSync(join(tmpdir(), 'pw-kill-'));
const input = join(dir, 'articles.jsonl');
const db = join(dir, 'kill.db');
writeFileSync(input, asJsonLines(distinctCopies(devArticles('bench:kill'), N)));

const stored = () => {
  try {
    const d = new Database(db, { readonly: true, fileMustExist: true });
    const n = d.prepare('select count(*) n from articles').get().n;
    d.close();
    return n;
  } catch {
    return 0;
  }
};

const child = spawn(process.execPath, [CLI, 'ingest', input, '--db', db], { stdio: 'ignore' });
while (stored() < N / 2) await new Promise((r) => setTimeout(r, 200));
child.kill('SIGKILL');
await new Promise((r) => child.on('exit', r));
const atKill = stored();
console.log(`killed with kill -9 after ${atKill} of ${N} articles`);

const again = spawnSync(process.execPath, [CLI, 'ingest', input, '--db', db, '--json'], { encoding: 'utf8' });
const summary = JSON.parse(again.stdout);
console.log(`second run: ingested ${summary.ingested}, duplicates ${summary.duplicates}, failed ${summary.failed}`);

const d = new Database(db, { readonly: true });
const one = (q) => d.prepare(q).get().n;
const checks = {
  'articles stored': one('select count(*) n from articles'),
  'distinct content hashes': one('select count(distinct content_hash) n from articles'),
  'articles without a story (half-stored)': one('select count(*) n from articles a where not exists (select 1 from stories s where s.id = a.story_id)'),
  'articles without facts (half-stored)': one('select count(*) n from articles a where not exists (select 1 from facts f where f.article_id = a.id)'),
  'commitment facts not folded into the ledger': one("select count(*) n from facts f where f.type = 'commitment' and not exists (select 1 from commitment_sources s where s.fact_id = f.id)"),
};
d.close();
for (const [k, v] of Object.entries(checks)) console.log(`${k}: ${v}`);
const ok = checks['articles stored'] === N && checks['distinct content hashes'] === N && summary.duplicates === atKill &&
  checks['articles without a story (half-stored)'] === 0 && checks['articles without facts (half-stored)'] === 0 && checks['commitment facts not folded into the ledger'] === 0;
console.log(ok ? 'every article stored exactly once, none half-stored' : 'FAILED');
process.exitCode = ok ? 0 : 1;

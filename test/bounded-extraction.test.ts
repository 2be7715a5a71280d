// Extraction is bounded on any input: run-on sentences are cut at clause boundaries, every
// article has a time budget, and the server extracts on a worker thread while it answers reads.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { startServerProcess } from '../bench/workbench.js';
import { analyze } from '../src/nlp/index.js';
import { extractForStorage } from '../src/pipeline/article.js';
import { fixtureArticles } from './helpers.js';

const CLI = join(import.meta.dirname, '..', 'bin', 'pledgewatch.js');
const CLAUSES = ['Norway will give €1 million to Ukraine', 'Denmark will send 20 howitzers to Kyiv', 'Sweden said it would provide $5 million for demining', 'the Netherlands will deliver 12 tanks'];

/** One sentence of many clauses joined by `joiner`, at least `length` characters long. */
function runOn(length: number, joiner: string): string {
  const parts: string[] = [];
  for (let n = 0, i = 0; n < length; i++) {
    parts.push(CLAUSES[i % CLAUSES.length]);
    n += CLAUSES[i % CLAUSES.length].length + joiner.length;
  }
  return `${parts.join(joiner)}.`;
}

describe('bounded extraction', () => {
  it('cuts a run-on sentence at clause boundaries, and leaves news sentences whole', () => {
    const long = analyze(runOn(20_000, ' and '));
    expect(long.sentences.length).toBeGreaterThan(9);
    for (const s of long.sentences) expect(s.end - s.start).toBeLessThanOrEqual(2100);
    // the cut falls before a conjunction, never inside a clause
    for (const s of long.sentences.slice(1)) expect(long.text.slice(s.start, s.start + 4)).toBe('and ');
    const noBoundary = analyze(`${'word '.repeat(1000)}end.`);
    for (const s of noBoundary.sentences) expect(s.end - s.start).toBeLessThanOrEqual(2100);
    for (const { text } of fixtureArticles()) {
      const a = analyze(text);
      const spans = a.sentences.map((s) => s.end - s.start);
      expect(Math.max(...spans)).toBeLessThan(1000);
    }
  });

  it('reads a one-million-character sentence of many clauses, with its amounts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-long-'));
    writeFileSync(join(dir, 'long.txt'), runOn(1_000_000, ' and '));
    const { stdout } = await promisify(execFile)(process.execPath, [CLI, 'extract', join(dir, 'long.txt'), '--json'], { maxBuffer: 100_000_000 });
    // the same four pledges, repeated, fold into four commitments
    const out = JSON.parse(stdout) as { commitments: Array<{ donor: string; amount: number; unit: string }> };
    expect(out.commitments.map((c) => [c.donor, c.amount, c.unit]).sort()).toEqual([['DK', 20, 'units'], ['NL', 12, 'units'], ['NO', 1_000_000, 'EUR'], ['SE', 5_000_000, 'USD']]);
  }, 30_000);

  it('stops an article that outlasts its time budget with a clear error', () => {
    const outcome = extractForStorage({ text: runOn(200_000, ', '), timeBudgetMs: 1 });
    expect(outcome).toEqual({ ok: false, error: expect.stringMatching(/^extraction stopped after 0\.0 s in .*: the article is too long or too unusual to read in time$/) });
  });

  it('answers reads while a 1 MB article is extracted and stored through the API', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-busy-'));
    const server = await startServerProcess(['--db', join(dir, 'busy.db')]);
    try {
      const texts = fixtureArticles().filter((a) => a.path.endsWith('.txt')).map((a) => a.text);
      let text = '';
      for (let i = 0; text.length < 1_000_000; i++) text += `${texts[i % texts.length]}\n\n`;
      const finished: string[] = [];
      const ingest = fetch(`${server.url}api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) })
        .then(async (res) => {
          expect(res.status).toBe(201);
          await res.json();
          finished.push('ingest');
        });
      await new Promise((r) => setTimeout(r, 300));
      const summary = await fetch(`${server.url}api/ledger/summary?by=donor`);
      expect(summary.status).toBe(200);
      finished.push('summary');
      await ingest;
      expect(finished).toEqual(['summary', 'ingest']);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
